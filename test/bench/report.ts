/** The Markdown report: one section per measurement, each with its target and verdict. */
export interface Section {
  title: string;
  target: string;
  /** undefined: nothing to judge (not measured). */
  met?: boolean;
  /** Markdown blocks: paragraphs and tables. */
  body: string[];
  /** Why a target was missed, and what would close the gap. */
  diagnosis?: string;
}

export function table(head: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const count = (value: number) => value.toLocaleString('en');
export const mark = (met: boolean) => (met ? '✅' : '❌');

export function verdict(section: Section): string {
  if (section.met === undefined) return '—';
  return section.met ? '✅ met' : '❌ missed';
}

export function renderReport(header: string[], sections: Section[]): string {
  const summary = table(
    ['section', 'target', 'verdict'],
    sections.map((section, index) => [`${index + 1}. ${section.title}`, section.target, verdict(section)]),
  );
  const bodies = sections.map((section, index) =>
    [
      `## ${index + 1}. ${section.title}`,
      `**Target:** ${section.target} — **verdict:** ${verdict(section)}`,
      ...section.body,
      ...(section.diagnosis ? [`**Diagnosis:** ${section.diagnosis}`] : []),
    ].join('\n\n'),
  );
  return [...header, summary, ...bodies].join('\n\n') + '\n';
}
