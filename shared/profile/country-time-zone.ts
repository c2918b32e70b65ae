import ct from 'countries-and-timezones';

/**
 * Main zone of the countries that have several zones with the same clock, where the
 * alphabetically first one would name a smaller city (Famagusta before Nicosia).
 */
const PREFERRED_ZONE: Readonly<Record<string, string>> = {
  CY: 'Asia/Nicosia',
  MH: 'Pacific/Majuro',
  MY: 'Asia/Kuala_Lumpur',
  UZ: 'Asia/Tashkent',
};

function clockOf(zone: string): string | undefined {
  const info = ct.getTimezone(zone);
  return info ? `${info.utcOffset}/${info.dstOffset}` : undefined;
}

/**
 * The time zone of everyone in a country, or undefined when the country has zones with different
 * clocks (US, CA, RU, ES with the Canaries…) or is unknown.
 *
 * It reads countries-and-timezones without deprecated links, and counts zones by their clock,
 * not by their names: DE is listed with Europe/Berlin and Europe/Zurich (Büsingen) and AR with
 * twelve zones, yet everyone there keeps the same time. The zone returned is the country's own
 * (Europe/Berlin, not Europe/Zurich); when the country only shares another country's zone, it is
 * the country's own link (Norway → Europe/Oslo, a link to Europe/Berlin), which reads better and
 * keeps the same clock.
 */
export function timeZoneOfCountry(countryCode: string): string | undefined {
  const code = countryCode.trim().toUpperCase();
  const country = ct.getCountry(code);
  if (!country || country.timezones.length === 0) return undefined;
  const zones: string[] = country.timezones;
  if (new Set(zones.map(clockOf)).size !== 1) return undefined;

  const preferred = PREFERRED_ZONE[code];
  if (preferred) return preferred;
  const ownZone = zones.find((zone) => ct.getTimezone(zone)?.countries[0] === code);
  if (ownZone) return ownZone;
  const ownLink = (ct.getCountry(code, { deprecated: true })?.timezones ?? [])
    .filter((zone) => {
      const info = ct.getTimezone(zone);
      // aliasOf is null, not undefined, for canonical zones at run time.
      return !!info?.aliasOf && zones.includes(info.aliasOf) && info.countries.length === 1 && info.countries[0] === code && zone.includes('/');
    })
    .sort()[0];
  return ownLink ?? zones[0];
}
