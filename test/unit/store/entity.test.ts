import { describe, expect, it } from 'vitest';
import { defineEntity, updateExpression } from '../../../shared/store/entity.js';

interface Widget {
  tenantId: string;
  id: string;
  name: string;
  ownerId?: string;
  tags: string[];
  labels?: string[];
  size: number;
  enabled: boolean;
  settings: { colour: string };
}

const widget = defineEntity<Widget>()({
  type: 'Widget',
  key: { pk: 'T#{tenantId}#W#{id}', sk: '#WIDGET' },
  attributes: {
    tenantId: 'string',
    id: 'string',
    name: 'string',
    ownerId: 'string',
    tags: { kind: 'set', default: () => [] },
    labels: 'list',
    size: { kind: 'number', default: () => 0 },
    enabled: 'boolean',
    settings: 'value',
  },
  indexes: {
    list: { pk: 'T#{tenantId}#widgets', sk: '{id}' },
    lookup: { pk: 'T#{tenantId}#widgets#name#{name}', sk: 'widgets' },
    reports: { pk: 'T#{tenantId}#MGR#{ownerId}', sk: '{id}' },
  },
  caseFolded: ['name'],
});

const record: Widget = {
  tenantId: 'acme',
  id: 'w1',
  name: 'Big Widget',
  ownerId: 'o1',
  tags: ['b', 'a'],
  size: 3,
  enabled: false,
  settings: { colour: 'red' },
};

describe('defineEntity', () => {
  it('derives the key, the partition and the sort-key prefix from the templates', () => {
    expect(widget.key({ tenantId: 'acme', id: 'w1' })).toEqual({ pk: 'T#acme#W#w1', sk: '#WIDGET' });
    expect(widget.partition({ tenantId: 'acme', id: 'w1' })).toBe('T#acme#W#w1');
    expect(widget.parse({ pk: 'T#acme#W#w1', sk: '#WIDGET' })).toEqual({ tenantId: 'acme', id: 'w1' });
    expect(widget.parse({ pk: 'T#acme#G#w1', sk: '#GROUP' })).toBeUndefined();
  });

  it('writes the key, the type, the attributes (sets as sets) and every index the record populates', () => {
    expect(widget.toItem(record)).toEqual({
      pk: 'T#acme#W#w1',
      sk: '#WIDGET',
      type: 'Widget',
      ...record,
      tags: new Set(['a', 'b']),
      gsi1pk: 'T#acme#widgets',
      gsi1sk: 'w1',
      gsi2pk: 'T#acme#widgets#name#big widget',
      gsi2sk: 'widgets',
      gsi4pk: 'T#acme#MGR#o1',
      gsi4sk: 'w1',
    });
  });

  it('leaves out an index whose attribute is missing, and an empty set', () => {
    const item = widget.toItem({ ...record, ownerId: undefined, tags: [] });
    expect(item).not.toHaveProperty('gsi4pk');
    expect(item).not.toHaveProperty('gsi4sk');
    expect(item).not.toHaveProperty('tags');
    expect(item).toHaveProperty('gsi1pk', 'T#acme#widgets');
  });

  it('reads back the record it wrote', () => {
    expect(widget.fromItem(widget.toItem(record))).toEqual({ ...record, tags: ['a', 'b'] });
  });

  it('reads only declared attributes, by their kind, defaulting the missing ones', () => {
    const read = widget.fromItem({ pk: 'x', sk: 'y', type: 'Widget', tenantId: 'acme', id: 'w1', name: 'n', enabled: 1, settings: {}, stray: true, expiresAt: 9 });
    expect(read).toEqual({ tenantId: 'acme', id: 'w1', name: 'n', tags: [], size: 0, enabled: true, settings: {} });
    expect(read).not.toHaveProperty('ownerId');
    expect(read).not.toHaveProperty('labels');
  });

  it('puts key facets that are not attributes beside the record, and adds the TTL', () => {
    const stamped = defineEntity<{ detail: string }>()({
      type: 'Stamped',
      key: { pk: 'T#{tenantId}#S', sk: '{at}#{unique}' },
      attributes: { detail: 'string' },
      expiresAt: () => 1234,
    });
    expect(stamped.toItem({ detail: 'd' }, { tenantId: 'acme', at: '2024', unique: 'u' })).toEqual({
      pk: 'T#acme#S',
      sk: '2024#u',
      type: 'Stamped',
      detail: 'd',
      expiresAt: 1234,
    });
  });

  it('updates the named attributes and every index: SET what is present, REMOVE what is not', () => {
    const update = widget.updateWithIndexes({ ...record, ownerId: undefined }, ['name', 'ownerId']);
    expect(update.set).toEqual(['#name = :name', '#gsi1pk = :gsi1pk', '#gsi1sk = :gsi1sk', '#gsi2pk = :gsi2pk', '#gsi2sk = :gsi2sk']);
    expect(update.remove).toEqual(['#ownerId', '#gsi4pk', '#gsi4sk']);
    expect(update.values).toEqual({
      ':name': 'Big Widget',
      ':gsi1pk': 'T#acme#widgets',
      ':gsi1sk': 'w1',
      ':gsi2pk': 'T#acme#widgets#name#big widget',
      ':gsi2sk': 'widgets',
    });
    expect(Object.values(update.names)).toEqual(['name', 'ownerId', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi4pk', 'gsi4sk']);
    expect(updateExpression(update, 'version :one')).toBe(
      'SET #name = :name, #gsi1pk = :gsi1pk, #gsi1sk = :gsi1sk, #gsi2pk = :gsi2pk, #gsi2sk = :gsi2sk ADD version :one REMOVE #ownerId, #gsi4pk, #gsi4sk',
    );
  });

  it('updates attributes alone when asked for no index', () => {
    const update = widget.update({ size: 4 }, ['size']);
    expect(updateExpression(update)).toBe('SET #size = :size');
    expect(update.values).toEqual({ ':size': 4 });
  });

  it('knows its own items by type', () => {
    expect(widget.is(widget.toItem(record))).toBe(true);
    expect(widget.is({ type: 'Group' })).toBe(false);
  });
});
