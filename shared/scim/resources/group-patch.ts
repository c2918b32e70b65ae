import { invalidPath, invalidValue, noTarget } from '../../errors.js';
import type { Filter } from '../filter/ast.js';
import type { Predicate } from '../filter/evaluate.js';
import { findKey, isJsonObject, valuesOf, type JsonObject } from '../json.js';
import { parsePatchRequest, type PatchOperation } from '../patch/request.js';
import { elementMatcher, resolvePatchTarget } from '../patch/target.js';
import { GROUP_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { GROUP_SCHEMA } from '../schema/urns.js';

/**
 * A Group PATCH split into what it does to the group's own attributes and what it does to its
 * members, keeping the order of the operations. Members are never loaded to apply a PATCH unless a
 * step needs the whole list (replace, remove-all, remove by a filter other than `value eq`).
 */
export type MemberStep =
  | { readonly kind: 'add'; readonly ids: string[] }
  | { readonly kind: 'remove'; readonly ids: string[] }
  | { readonly kind: 'replace'; readonly ids: string[] }
  | { readonly kind: 'removeAll' }
  | { readonly kind: 'removeMatching'; readonly matches: Predicate };

export interface GroupPatchPlan {
  /** Operations on displayName / externalId (and Okta's echoed id), for applyPatch. */
  attributeOperations: PatchOperation[];
  memberSteps: MemberStep[];
}

export function planGroupPatch(body: unknown): GroupPatchPlan {
  const plan: GroupPatchPlan = { attributeOperations: [], memberSteps: [] };
  for (const operation of parsePatchRequest(body)) {
    if (operation.path === undefined) planPathless(operation, plan);
    else planWithPath(operation, operation.path, plan);
  }
  return plan;
}

/** The PatchOp body applyPatch expects, for the attribute operations of a plan. */
export const attributePatchBody = (plan: GroupPatchPlan) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: plan.attributeOperations.map(({ op, path, value }) => ({ op, ...(path === undefined ? {} : { path }), value })),
});

const MEMBERS_KEYS = new Set(['members', `${GROUP_SCHEMA}:members`.toLowerCase()]);

function planPathless(operation: PatchOperation, plan: GroupPatchPlan): void {
  if (operation.op === 'remove') throw noTarget(`Operations[${operation.index}]: "remove" needs a path.`);
  if (!isJsonObject(operation.value)) {
    throw invalidValue(`Operations[${operation.index}]: without a path, the value must be an object of attributes.`);
  }
  const value: JsonObject = { ...operation.value };
  // "members" in any case, or URN-qualified: left in the attribute operations, it would be dropped unnoticed.
  for (const membersKey of Object.keys(value).filter((key) => MEMBERS_KEYS.has(key.toLowerCase()))) {
    const ids = memberIds(value[membersKey], operation.index);
    plan.memberSteps.push(operation.op === 'add' ? { kind: 'add', ids } : { kind: 'replace', ids });
    delete value[membersKey];
  }
  if (Object.keys(value).length) plan.attributeOperations.push({ ...operation, value });
}

function planWithPath(operation: PatchOperation, path: string, plan: GroupPatchPlan): void {
  const target = resolvePatchTarget(path, GROUP_RESOURCE_SCHEMA);
  if (target.kind !== 'attribute' || target.attribute.name !== 'members') {
    plan.attributeOperations.push(operation);
    return;
  }
  if (target.subAttribute) throw invalidPath(`Path "${path}": change members as a whole (path "members" or members[value eq "…"]).`);
  if (operation.op === 'remove') {
    plan.memberSteps.push(removal(operation, target.filter ? elementMatcher(target) : undefined, target.filter));
    return;
  }
  if (target.filter) throw invalidPath(`Path "${path}": "${operation.op}" takes the path "members" without a filter.`);
  const ids = memberIds(operation.value, operation.index);
  plan.memberSteps.push(operation.op === 'add' ? { kind: 'add', ids } : { kind: 'replace', ids });
}

function removal(operation: PatchOperation, matches: Predicate | undefined, filter: Filter | undefined): MemberStep {
  if (matches && filter) {
    const ids = valueEqualities(filter);
    return ids ? { kind: 'remove', ids } : { kind: 'removeMatching', matches };
  }
  // Entra ID's shape: {"op":"remove","path":"members","value":[{"value":"<id>"}]}.
  if (operation.value !== undefined && operation.value !== null) return { kind: 'remove', ids: memberIds(operation.value, operation.index) };
  return { kind: 'removeAll' };
}

/** `value eq "a"` or `value eq "a" or value eq "b"`: the ids, so removal needs no member list. */
function valueEqualities(filter: Filter): string[] | undefined {
  if (filter.kind === 'or') {
    const left = valueEqualities(filter.left);
    const right = valueEqualities(filter.right);
    return left && right ? [...left, ...right] : undefined;
  }
  const isValueEq =
    filter.kind === 'comparison' && filter.operator === 'eq' && typeof filter.value === 'string' &&
    filter.path.schema === undefined && filter.path.subAttribute === undefined && filter.path.attribute.toLowerCase() === 'value';
  return isValueEq ? [filter.value as string] : undefined;
}

const MAX_MEMBERS_PER_OPERATION = 10_000;

function memberIds(value: unknown, index: number): string[] {
  const elements = valuesOf(value);
  if (elements.length > MAX_MEMBERS_PER_OPERATION) {
    throw invalidValue(`Operations[${index}]: at most ${MAX_MEMBERS_PER_OPERATION} members per operation.`);
  }
  return elements.map((element, position) => {
    const id = isJsonObject(element) ? element[findKey(element, 'value') ?? 'value'] : undefined;
    if (typeof id !== 'string' || id.trim() === '') {
      throw invalidValue(`Operations[${index}].value[${position}] must be a member object with a non-empty "value" (the user id).`);
    }
    const type = isJsonObject(element) ? element[findKey(element, 'type') ?? 'type'] : undefined;
    if (typeof type === 'string' && type.toLowerCase() === 'group') {
      throw invalidValue(`Operations[${index}].value[${position}]: nested groups are not supported; members must be users.`);
    }
    return id.trim();
  });
}
