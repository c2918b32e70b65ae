/** The words of the new-reports email, per language; English is the fallback. */
export interface DigestMessages {
  direction: 'ltr' | 'rtl';
  /** Between a label and its value ("Title: …"; French puts a space before the colon). */
  colon: string;
  subjectOne: (name: string) => string;
  subjectMany: (count: number) => string;
  greeting: (managerName: string) => string;
  introOne: (company: string) => string;
  introMany: (count: number, company: string) => string;
  title: string;
  email: string;
  dataCapture: string;
  captureOff: string;
  capture: { webConferences: string; calendarMeetings: string; telephonyCalls: string; emails: string; mobileCalls: string };
  canToggle: string;
  manageLink: string;
  footer: string;
}

const en: DigestMessages = {
  direction: 'ltr',
  colon: ': ',
  subjectOne: (name) => `New team member: ${name}`,
  subjectMany: (count) => `${count} new members joined your team`,
  greeting: (name) => `Hi ${name},`,
  introOne: (company) => `A new member of your team at ${company} was imported into Roster:`,
  introMany: (count, company) => `${count} new members of your team at ${company} were imported into Roster:`,
  title: 'Title',
  email: 'Email',
  dataCapture: 'Data capture',
  captureOff: 'Off',
  capture: { webConferences: 'Web conferences', calendarMeetings: 'Calendar meetings', telephonyCalls: 'Telephony calls', emails: 'Emails', mobileCalls: 'Mobile calls' },
  canToggle: 'You can turn data capture on or off for your team members.',
  manageLink: 'Manage your team in Roster',
  footer: 'You receive this email because you are their direct manager and your team is recorded in Roster.',
};

const fr: DigestMessages = {
  direction: 'ltr',
  colon: ' : ',
  subjectOne: (name) => `Nouveau membre dans votre équipe : ${name}`,
  subjectMany: (count) => `${count} nouveaux membres dans votre équipe`,
  greeting: (name) => `Bonjour ${name},`,
  introOne: (company) => `Un nouveau membre de votre équipe chez ${company} a été importé dans Roster :`,
  introMany: (count, company) => `${count} nouveaux membres de votre équipe chez ${company} ont été importés dans Roster :`,
  title: 'Poste',
  email: 'E-mail',
  dataCapture: 'Capture de données',
  captureOff: 'Désactivée',
  capture: { webConferences: 'Visioconférences', calendarMeetings: 'Réunions du calendrier', telephonyCalls: 'Appels téléphoniques', emails: 'E-mails', mobileCalls: 'Appels mobiles' },
  canToggle: 'Vous pouvez activer ou désactiver la capture de données pour les membres de votre équipe.',
  manageLink: 'Gérer votre équipe dans Roster',
  footer: 'Vous recevez cet e-mail parce que vous êtes leur responsable direct et que votre équipe est enregistrée dans Roster.',
};

const he: DigestMessages = {
  direction: 'rtl',
  colon: ': ',
  subjectOne: (name) => `חבר צוות חדש: ${name}`,
  subjectMany: (count) => `${count} חברי צוות חדשים הצטרפו לצוות שלך`,
  greeting: (name) => `שלום ${name},`,
  introOne: (company) => `חבר צוות חדש בצוות שלך ב-${company} יובא ל-Roster:`,
  introMany: (count, company) => `${count} חברי צוות חדשים בצוות שלך ב-${company} יובאו ל-Roster:`,
  title: 'תפקיד',
  email: 'אימייל',
  dataCapture: 'לכידת נתונים',
  captureOff: 'כבויה',
  capture: { webConferences: 'שיחות ועידה מקוונות', calendarMeetings: 'פגישות ביומן', telephonyCalls: 'שיחות טלפון', emails: 'אימיילים', mobileCalls: 'שיחות נייד' },
  canToggle: 'באפשרותך להפעיל או לכבות את לכידת הנתונים עבור חברי הצוות שלך.',
  manageLink: 'ניהול הצוות ב-Roster',
  footer: 'הודעה זו נשלחה אליך כי את/ה המנהל/ת הישיר/ה שלהם והצוות שלך מוקלט ב-Roster.',
};

const byLanguage: Record<string, DigestMessages> = { en, fr, he };

/** The messages for a BCP 47 tag's language ("fr-CA" → French), English when there is no translation. */
export function digestMessages(locale: string | undefined): DigestMessages {
  const language = (locale ?? '').split(/[-_]/)[0]!.toLowerCase();
  return byLanguage[language === 'iw' ? 'he' : language] ?? en;
}
