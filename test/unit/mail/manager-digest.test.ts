import { describe, expect, it } from 'vitest';
import { renderManagerDigest, type ManagerDigest, type NewReport } from '../../../shared/mail/manager-digest.js';

const jane: NewReport = { name: 'Jane Doe', title: 'Account Executive', email: 'jane.doe@example.com', dataCapture: ['webConferences', 'telephonyCalls'] };
const digest = (overrides: Partial<ManagerDigest> = {}): ManagerDigest => ({
  locale: 'en-US',
  managerName: 'Maria',
  companyName: 'Example Co',
  reports: [jane],
  managerCanToggleDataCapture: false,
  teamUrl: 'https://app.example.com/console/team',
  ...overrides,
});

describe('renderManagerDigest', () => {
  it('tells who joined, their title, email and data capture, in HTML and plain text', () => {
    const mail = renderManagerDigest(digest());
    expect(mail.subject).toBe('New team member: Jane Doe');
    for (const body of [mail.html, mail.text]) {
      expect(body).toContain('Hi Maria,');
      expect(body).toContain('Jane Doe');
      expect(body).toContain('Title: Account Executive');
      expect(body).toContain('Email: jane.doe@example.com');
      expect(body).toContain('Data capture: Web conferences, Telephony calls');
      expect(body).not.toContain('turn data capture on or off');
    }
    expect(mail.html).toMatch(/^<!DOCTYPE html><html lang="en-US" dir="ltr">/);
  });

  it('says data capture is off for a report without it, and lists every report of a digest', () => {
    const mail = renderManagerDigest(digest({ reports: [jane, { name: 'Li Wei', dataCapture: [] }] }));
    expect(mail.subject).toBe('2 new members joined your team');
    expect(mail.text).toContain('2 new members of your team at Example Co were imported into Roster:');
    expect(mail.text).toContain('- Li Wei\n  Data capture: Off');
    expect(mail.html.match(/<li/g)).toHaveLength(2);
  });

  it('names the company and always links to the manager\'s team page', () => {
    const mail = renderManagerDigest(digest());
    expect(mail.text).toContain('A new member of your team at Example Co was imported into Roster:');
    expect(mail.text).toContain('Manage your team in Roster: https://app.example.com/console/team');
    expect(mail.html).toContain('<a href="https://app.example.com/console/team">Manage your team in Roster</a>');
  });

  it('says the manager can change data capture exactly when they can for someone listed', () => {
    const can = renderManagerDigest(digest({ managerCanToggleDataCapture: true }));
    const cannot = renderManagerDigest(digest({ managerCanToggleDataCapture: false }));
    for (const body of [can.text, can.html]) expect(body).toContain('You can turn data capture on or off for your team members.');
    for (const body of [cannot.text, cannot.html]) expect(body).not.toContain('turn data capture on or off');
  });

  it('speaks French and Hebrew (right to left) to managers with those locales, English to the rest', () => {
    const french = renderManagerDigest(digest({ locale: 'fr-CA', managerCanToggleDataCapture: true }));
    expect(french.subject).toBe('Nouveau membre dans votre équipe : Jane Doe');
    expect(french.text).toContain('Bonjour Maria,');
    expect(french.text).toContain('Capture de données : Visioconférences, Appels téléphoniques');
    expect(french.text).toContain('Gérer votre équipe dans Roster : https://app.example.com/console/team');
    const hebrew = renderManagerDigest(digest({ locale: 'he-IL' }));
    expect(hebrew.subject).toBe('חבר צוות חדש: Jane Doe');
    expect(hebrew.html).toContain('dir="rtl"');
    expect(hebrew.text).toContain('שלום Maria,');
    expect(renderManagerDigest(digest({ locale: 'ja-JP' })).subject).toBe('New team member: Jane Doe');
    expect(renderManagerDigest(digest({ locale: undefined })).subject).toBe('New team member: Jane Doe');
  });

  it('escapes every user-supplied value in the HTML', () => {
    const hostile: NewReport = {
      name: '<script>alert("x")</script>',
      title: `"><img src=x onerror=alert('t')>`,
      email: 'a&b@example.com',
      dataCapture: [],
    };
    const mail = renderManagerDigest(digest({ managerName: '<b>Boss</b>', reports: [hostile] }));
    expect(mail.html).not.toMatch(/<script|<img|<b>/);
    expect(mail.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(mail.html).toContain('&#34;&#62;&#60;img src=x onerror=alert(&#39;t&#39;)&#62;');
    expect(mail.html).toContain('a&#38;b@example.com');
    expect(mail.html).toContain('Hi &#60;b&#62;Boss&#60;/b&#62;,');
    // Plain text is not HTML: the values stay as they are there.
    expect(mail.text).toContain('- <script>alert("x")</script>');
  });

  it('keeps CR/LF out of the subject (no header injection) and out of the body lines', () => {
    const name = 'Eve\r\nBcc: victim@example.com\r\n\r\n<b>x</b>';
    const mail = renderManagerDigest(digest({ reports: [{ ...jane, name, title: 'CEO\nEmail: fake@evil.test' }] }));
    expect(mail.subject).toBe('New team member: Eve Bcc: victim@example.com <b>x</b>');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('- Eve Bcc: victim@example.com <b>x</b>\n');
    expect(mail.text).toContain('  Title: CEO Email: fake@evil.test\n');
    expect(mail.text.split('\n').filter((line) => line.startsWith('  Email:'))).toEqual(['  Email: jane.doe@example.com']);
  });

  it('keeps long values from making the subject unbounded', () => {
    const mail = renderManagerDigest(digest({ reports: [{ ...jane, name: 'N'.repeat(5_000) }] }));
    expect(mail.subject.length).toBeLessThanOrEqual(250);
  });
});
