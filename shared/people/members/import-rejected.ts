import type { MandatoryRule } from '../../profile/mandatory-fields.js';

/** Why an import was refused: the rule, and the words Okta's task list shows. */
export class ImportRejected extends Error {
  constructor(
    readonly rule: MandatoryRule | 'timezone',
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ImportRejected';
  }
}
