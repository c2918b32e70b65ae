import { describe, expect, it } from 'vitest';
import { MAX_PHONE_INPUT_LENGTH, normalizePhone } from '../../../shared/profile/phone.js';

describe('normalizePhone', () => {
  describe('reads every format of the article as a US number with its extension', () => {
    it.each([
      ['(865) 365-1900', '+18653651900', undefined],
      ['(212) 575-1994 ext 3437', '+12125751994', '3437'],
      ['(317) 251-0700 ext. 468', '+13172510700', '468'],
      ['(202) 903-2585 x2991', '+12029032585', '2991'],
      ['(206) 324-1800 x 229', '+12063241800', '229'],
      ['540.946.4600 Ext. 143', '+15409464600', '143'],
    ])('%s', (raw, e164, extension) => {
      expect(normalizePhone(raw)).toEqual({ e164, extension, raw, valid: true });
    });
  });

  describe('reads extension markers libphonenumber-js alone would miss or misread', () => {
    it.each([
      ['540.946.4600 Ext.: 143', '+15409464600', '143'],
      ['(206) 324-1800 ext#229', '+12063241800', '229'],
      ['(206) 324-1800 X229', '+12063241800', '229'],
      ['(206) 324-1800 EXTENSION 229', '+12063241800', '229'],
      ['(206) 324-1800, ext 229', '+12063241800', '229'],
      ['(206) 324-1800 x 1234567890', '+12063241800', '1234567890'],
      ['(206) 324-1800 ｅｘｔ ２２９', '+12063241800', '229'],
      ['tel:+1-206-324-1800;ext=229', '+12063241800', '229'],
    ])('%s', (raw, e164, extension) => {
      expect(normalizePhone(raw)).toEqual({ e164, extension, raw, valid: true });
    });
  });

  describe('reads international numbers whatever the default country', () => {
    it.each([
      ['+44 20 7946 0958', '+442079460958'],
      ['+972-3-1234567', '+97231234567'],
      ['+7 495 123-45-67', '+74951234567'],
      ['+٩٧٢٣١٢٣٤٥٦٧', '+97231234567'],
      ['＋４４ ２０ ７９４６ ０９５８', '+442079460958'],
    ])('%s', (raw, e164) => {
      expect(normalizePhone(raw, { defaultCountry: 'US' })).toEqual({ e164, raw, valid: true });
      expect(normalizePhone(raw, { defaultCountry: 'DE' })).toEqual({ e164, raw, valid: true });
    });
  });

  describe('reads numbers without a country code as numbers of the user country, else of the US', () => {
    it.each([
      ['020 7946 0958', 'GB', '+442079460958'],
      ['020 7946 0958', 'gb', '+442079460958'],
      ['03-1234567', ' IL ', '+97231234567'],
      ['(212) 575-1994', undefined, '+12125751994'],
      ['(212) 575-1994', null, '+12125751994'],
      ['(212) 575-1994', '', '+12125751994'],
      // Not a country libphonenumber knows: fall back to the US rather than fail.
      ['(212) 575-1994', 'ZZ', '+12125751994'],
      ['(212) 575-1994', 'United Kingdom', '+12125751994'],
    ])('%s in %s', (raw, defaultCountry, e164) => {
      expect(normalizePhone(raw, { defaultCountry })).toMatchObject({ e164, valid: true });
    });

    it('reads the international prefix of the default country', () => {
      expect(normalizePhone('011 44 20 7946 0958', { defaultCountry: 'US' })).toMatchObject({ e164: '+442079460958', valid: true });
      expect(normalizePhone('00 44 20 7946 0958', { defaultCountry: 'DE' })).toMatchObject({ e164: '+442079460958', valid: true });
    });

    it('flags a national number written for another country than the user', () => {
      expect(normalizePhone('020 7946 0958', { defaultCountry: 'US' })).toMatchObject({ valid: false, raw: '020 7946 0958' });
      expect(normalizePhone('020 7946 0958', { defaultCountry: 'US' })?.e164).toBeUndefined();
    });
  });

  describe('explicit Primary Phone Ext', () => {
    it.each([
      ['99', '99'],
      [' 99 ', '99'],
      ['x 99', '99'],
      ['Ext. 99', '99'],
      ['ext99', '99'],
      ['#99', '99'],
      ['９９', '99'],
    ])('%j wins over the extension written in the number', (explicitExtension, extension) => {
      expect(normalizePhone('(212) 575-1994 ext 3437', { explicitExtension })).toEqual({
        e164: '+12125751994',
        extension,
        raw: '(212) 575-1994 ext 3437',
        valid: true,
      });
    });

    it.each([undefined, null, '', '   '])('%j leaves the extension written in the number', (explicitExtension) => {
      expect(normalizePhone('(212) 575-1994 ext 3437', { explicitExtension })?.extension).toBe('3437');
    });

    it('is added to a number written without one', () => {
      expect(normalizePhone('(865) 365-1900', { explicitExtension: '12' })).toMatchObject({ extension: '12', valid: true });
    });

    it.each(['abc', '12a', '1-2', '123456789012345678901', '1'.repeat(10_000)])(
      '%j is flagged but the number is kept',
      (explicitExtension) => {
        const result = normalizePhone('(212) 575-1994 ext 3437', { explicitExtension });
        expect(result).toMatchObject({ e164: '+12125751994', extension: '3437', valid: false });
        expect(result?.reason).toMatch(/extension/);
      },
    );

    it('is kept with a number that cannot be read', () => {
      expect(normalizePhone('not a number', { explicitExtension: '12' })).toMatchObject({ extension: '12', valid: false, raw: 'not a number' });
    });
  });

  describe('flags what it cannot read, keeping it as given, never throwing', () => {
    it.each([
      'not a number',
      '555-0100',
      '12',
      '+',
      '()',
      '1-800-FLOWERS',
      '+999 1234567',
      'ext 12',
      '212-575-1994 ext. 12 ext. 13',
      '(212) 575-1994 ext. 123456789012345678901',
      '\u0000\u0001',
      '💩',
    ])('%j', (raw) => {
      const result = normalizePhone(raw);
      expect(result).toMatchObject({ raw: raw.trim(), valid: false });
      expect(result?.e164).toBeUndefined();
      expect(result?.reason).toMatch(/could not be read/);
    });

    it('trims what it keeps', () => {
      expect(normalizePhone('  garbage  ')).toMatchObject({ raw: 'garbage', valid: false });
      expect(normalizePhone('  (865) 365-1900\t')).toMatchObject({ raw: '(865) 365-1900', valid: true });
    });

    it('does not parse a huge input, and keeps only its beginning', () => {
      const huge = `(212) 575-1994${' 1'.repeat(5_000)}`;
      const result = normalizePhone(huge);
      expect(result).toMatchObject({ valid: false });
      expect(result?.raw).toHaveLength(MAX_PHONE_INPUT_LENGTH);
      expect(result?.raw).toBe(huge.slice(0, MAX_PHONE_INPUT_LENGTH));
      expect(normalizePhone('9'.repeat(10_000))?.valid).toBe(false);
    });
  });

  it.each([undefined, null, '', '   ', '\n\t'])('returns undefined when no number is given (%j)', (raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
    expect(normalizePhone(raw, { explicitExtension: '12' })).toBeUndefined();
  });

  it('reads back what it produced', () => {
    for (const raw of ['(212) 575-1994 ext 3437', '+44 20 7946 0958', '(206) 324-1800 x 229']) {
      const first = normalizePhone(raw);
      expect(first?.valid).toBe(true);
      const again = normalizePhone(`${first?.e164}${first?.extension ? ` ext. ${first.extension}` : ''}`);
      expect(again).toEqual({ ...first, raw: again?.raw });
    }
  });
});
