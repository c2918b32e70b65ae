import { Fragment, type VNode } from 'preact';
import type { AssignmentPreview } from '../../../people/company/assignment-preview.js';
import type { Assignment, CompanyConfig } from '../../../store/company-config.js';
import type { GroupRecord } from '../../../store/groups.js';
import { ConfirmDeletePage, CsrfField, Page, Problems, type Viewer, ScrollingTable, Notice } from '../../components/layout.js';
import type { AssignmentDraft } from '../../forms/assignment-form.js';
import { GrantFields, grantSummary } from '../../forms/grant-form.js';

const base = '/console/admin/assignments';
const pathOf = (id: string) => `${base}/${encodeURIComponent(id)}`;

export function AssignmentsPage({ viewer, config, notice }: { viewer: Viewer; config: CompanyConfig; notice?: string }): VNode {
  const { assignments } = config;
  return (
    <Page title="Assignments" viewer={viewer} section="assignments">
      <h1>Assignments</h1>
      <Notice notice={notice} />
      <p>
        A team member gets the settings of the <strong>first</strong> assignment below whose Okta groups include them, else the default assignment (on
        the settings page).
      </p>
      <div class="actions">
        <a class="button primary" href={pathOf('new')}>
          Add assignment
        </a>
      </div>
      {assignments.length === 0 ? (
        <p class="card">No assignments yet: everyone gets the default assignment.</p>
      ) : (
        <ScrollingTable label="Assignments">
          <caption class="muted">In priority order</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Name</th>
              <th scope="col">Groups</th>
              <th scope="col">Seats</th>
              <th scope="col">Data capture</th>
              <th scope="col">Update mode</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment, index) => {
              const summary = grantSummary(assignment, config);
              return (
                <tr key={assignment.id}>
                  <td>{index + 1}</td>
                  <th scope="row">{assignment.name}</th>
                  <td>{assignment.groupIds.length}</td>
                  <td>{summary.seats}</td>
                  <td>{summary.dataCapture}</td>
                  <td>{assignment.updateMode === 'automatic' ? 'Automatic updates' : 'Manual editing'}</td>
                  <td>
                    <div class="actions">
                      <a href={pathOf(assignment.id)} aria-label={`Edit ${assignment.name}`}>
                        Edit
                      </a>
                      {index > 0 && <MoveButton viewer={viewer} assignment={assignment} direction="up" />}
                      {index < assignments.length - 1 && <MoveButton viewer={viewer} assignment={assignment} direction="down" />}
                      <a href={`${pathOf(assignment.id)}/delete`} aria-label={`Delete ${assignment.name}`}>
                        Delete
                      </a>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollingTable>
      )}
    </Page>
  );
}

function MoveButton({ viewer, assignment, direction }: { viewer: Viewer; assignment: Assignment; direction: 'up' | 'down' }): VNode {
  return (
    <form method="post" action={`${pathOf(assignment.id)}/move`} class="inline">
      <CsrfField token={viewer.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" aria-label={`${direction === 'up' ? 'Move up' : 'Move down'}: ${assignment.name}`}>
        {direction === 'up' ? 'Move up' : 'Move down'}
      </button>
    </form>
  );
}

interface AssignmentFormProps {
  viewer: Viewer;
  /** Absent for a new assignment. */
  id?: string;
  draft: AssignmentDraft;
  config: CompanyConfig;
  /** The picked groups, by name. */
  picked: GroupRecord[];
  /** Groups found by the search or the browse page, not yet picked. */
  found: GroupRecord[];
  search: string;
  nextGroupsCursor?: string;
  preview?: AssignmentPreview;
  problems?: string[];
}

export function AssignmentFormPage({ viewer, id, draft, config, picked, found, search, nextGroupsCursor, preview, problems }: AssignmentFormProps): VNode {
  const title = id ? `Edit ${draft.name || 'assignment'}` : 'Add assignment';
  return (
    <Page title={title} viewer={viewer} section="assignments">
      <h1>{title}</h1>
      <Problems problems={problems} summary="The assignment was not saved:" />
      <form method="post" action={pathOf(id ?? 'new')} class="card">
        <CsrfField token={viewer.csrfToken} />
        <label for="name">Name</label>
        <input type="text" id="name" name="name" value={draft.name} autocomplete="off" />
        <label for="priority">Priority</label>
        <input type="number" id="priority" name="priority" value={draft.priority} aria-describedby="priority-hint" />
        <p class="hint" id="priority-hint">
          Lower comes first; the list of assignments can also move it up or down.
        </p>
        <fieldset>
          <legend>Okta groups</legend>
          {picked.length === 0 && <p class="muted">No group picked yet.</p>}
          {picked.map((group) => (
            <label class="check" key={group.id}>
              <input type="checkbox" name={`group.${group.id}`} checked />
              <span>{group.displayName}</span>
            </label>
          ))}
          <label for="groupSearch">Find a group by its name</label>
          <input type="search" id="groupSearch" name="groupSearch" value={search} aria-describedby="group-hint" />
          <p class="hint" id="group-hint">
            The whole name, in any case; or leave it empty and browse the groups Okta pushed.
          </p>
          {nextGroupsCursor && <input type="hidden" name="groupsCursor" value={nextGroupsCursor} />}
          <div class="actions">
            <button type="submit" name="action" value="search">
              Find groups
            </button>
            {nextGroupsCursor && (
              <button type="submit" name="action" value="moreGroups">
                More groups
              </button>
            )}
          </div>
          {found.length > 0 && (
            <>
              <h2 id="found-heading">Groups found</h2>
              <div role="group" aria-labelledby="found-heading">
                {found.map((group) => (
                  <label class="check" key={group.id}>
                    <input type="checkbox" name={`group.${group.id}`} />
                    <span>{group.displayName}</span>
                  </label>
                ))}
              </div>
            </>
          )}
          {search && found.length === 0 && <p role="status">No other group is named “{search}”.</p>}
        </fieldset>
        <GrantFields grant={draft.grant} config={config} idPrefix="assignment" />
        <fieldset>
          <legend>Update mode</legend>
          <label class="check">
            <input type="radio" name="updateMode" value="automatic" checked={draft.updateMode === 'automatic'} />
            <span>Automatic updates: members follow this assignment whenever it or their groups change</span>
          </label>
          <label class="check">
            <input type="radio" name="updateMode" value="manual" checked={draft.updateMode === 'manual'} />
            <span>Manual editing: applied once when a member joins; afterwards their settings are edited by hand</span>
          </label>
        </fieldset>
        {preview && <PreviewCard preview={preview} />}
        <div class="actions">
          <button type="submit" name="action" value="preview" class={preview ? undefined : 'primary'}>
            {preview ? 'Preview again' : 'Preview'}
          </button>
          {preview && (
            <button type="submit" name="action" value="save" class="primary">
              Save assignment
            </button>
          )}
          <a class="button" href={base}>
            Cancel
          </a>
        </div>
      </form>
    </Page>
  );
}

function PreviewCard({ preview }: { preview: AssignmentPreview }): VNode {
  return (
    <section aria-labelledby="preview-heading" role="status">
      <h2 id="preview-heading">Preview</h2>
      <dl class="facts">
        <dt>Members it would cover</dt>
        <dd>{preview.members}</dd>
        <dt>Would get a seat</dt>
        <dd>{preview.seated}</dd>
        <dt>Short of seats</dt>
        <dd>{preview.short}</dd>
        {preview.seats.map((seat) => (
          <Fragment key={seat.seatTypeId}>
            <dt>{seat.name}</dt>
            <dd>
              {seat.needed} needed, {seat.free} free{seat.short ? `, ${seat.short} short` : ''}
            </dd>
          </Fragment>
        ))}
      </dl>
      {preview.warnings.map((warning) => (
        <p class="warning" key={warning}>
          {warning}
        </p>
      ))}
    </section>
  );
}

export function DeleteAssignmentPage({ viewer, assignment }: { viewer: Viewer; assignment: Assignment }): VNode {
  return (
    <ConfirmDeletePage viewer={viewer} section="assignments" name={assignment.name} action={`${pathOf(assignment.id)}/delete`} button="Delete assignment" back={base}>
      {assignment.updateMode === 'automatic' ? (
        <p>
          The members it governs (of its {assignment.groupIds.length} {assignment.groupIds.length === 1 ? 'group' : 'groups'}) move at once to the next
          assignment that includes them, or to the default assignment; seats they no longer get are freed.
        </p>
      ) : (
        <p>Members it was applied to (Manual editing) keep the settings they have; nobody new gets it.</p>
      )}
    </ConfirmDeletePage>
  );
}
