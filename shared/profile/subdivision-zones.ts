/**
 * Time zones of the ISO 3166-2 subdivisions of the countries with several clocks that the
 * curated table (subdivisions.ts: US, CA, AU, BR, MX, RU) does not cover. The subdivisions
 * themselves (codes and English names) come from CLDR (subdivision-names.generated.ts); the zones
 * are here, by hand, because no maintained data set maps subdivisions to time zones: the one npm
 * package that claims to (@countrystatecity/countries) gives each country's first zone to all of
 * its subdivisions where it knows no better — all of Papua New Guinea on Bougainville time, all of
 * Ukraine on Kyiv time including Crimea, most of Sulawesi on Jakarta time.
 *
 * Each country has the zone of most of its people (`zone`) and the subdivisions whose clock
 * differs, or whose own zone reads better (`except`), following the TZ database's own zone
 * descriptions (zone1970.tab). A unit test holds every zone to the zones countries-and-timezones
 * lists for the country, and every code to CLDR.
 */
export interface CountryZones {
  /** The zone of every subdivision not named in `except`. */
  zone: string;
  /** Zone → subdivision codes (without the country prefix). */
  except?: Readonly<Record<string, readonly string[]>>;
  /**
   * Subdivisions left out on purpose, with the reason: they fall to the company default, as
   * before. Every CLDR subdivision of the country is mapped or listed here (a unit test checks).
   */
  unmapped?: Readonly<Record<string, string>>;
}

export const ZONES_BY_COUNTRY: Readonly<Record<string, CountryZones>> = {
  // West Africa Time in the west (Kinshasa and the provinces around it), Central Africa Time in the
  // east. CLDR still lists the provinces split up in 2015 (Bandundu, Katanga, Kasaï-Occidental,
  // Orientale): mapped too, as admins may still type them.
  CD: {
    zone: 'Africa/Kinshasa',
    except: { 'Africa/Lubumbashi': ['BU', 'HK', 'HL', 'HU', 'IT', 'KA', 'KC', 'KE', 'KS', 'KW', 'LO', 'LU', 'MA', 'NK', 'OR', 'SA', 'SK', 'TA', 'TO'] },
  },
  // Aysén keeps UTC-3 all year since 2025, Magallanes since 2017. Easter Island (its own clock)
  // is part of Valparaíso, whose people are on the mainland.
  CL: { zone: 'America/Santiago', except: { 'America/Coyhaique': ['AI'], 'America/Punta_Arenas': ['MA'] } },
  // Beijing time is the official time everywhere, Xinjiang included (government, banks,
  // businesses); Asia/Urumqi is the unofficial local time some keep there.
  CN: { zone: 'Asia/Shanghai' },
  EC: { zone: 'America/Guayaquil', except: { 'Pacific/Galapagos': ['W'] } },
  // The Canaries (the community and its two provinces) are an hour behind; Ceuta and Melilla keep
  // Madrid's clock under their own zone.
  ES: { zone: 'Europe/Madrid', except: { 'Atlantic/Canary': ['CN', 'GC', 'TF'], 'Africa/Ceuta': ['CE', 'ML'] } },
  FM: { zone: 'Pacific/Pohnpei', except: { 'Pacific/Chuuk': ['TRK', 'YAP'], 'Pacific/Kosrae': ['KSA'] } },
  // Every municipality's people are on Nuuk's clock: Ittoqqortoormiit (Scoresbysund, in Sermersooq)
  // has kept it since 2024; Pituffik (Thule, in Avannaata) is a military base, and the
  // Danmarkshavn station is in the national park, no municipality.
  GL: { zone: 'America/Nuuk' },
  // WIB (UTC+7) in Sumatra, Java, West and Central Kalimantan; WITA (UTC+8) in Bali, Nusa Tenggara,
  // the rest of Kalimantan and Sulawesi; WIT (UTC+9) in Maluku and Papua. Of the geographical
  // units, Kalimantan has slightly more people on WITA (south, east, north) than on WIB.
  ID: {
    zone: 'Asia/Jakarta',
    except: {
      'Asia/Pontianak': ['KB', 'KT'],
      'Asia/Makassar': ['BA', 'GO', 'KA', 'KI', 'KS', 'KU', 'NB', 'NT', 'NU', 'SA', 'SG', 'SL', 'SN', 'SR', 'ST'],
      'Asia/Jayapura': ['MA', 'ML', 'MU', 'PA', 'PB', 'PD', 'PE', 'PP', 'PS', 'PT'],
    },
  },
  KI: { zone: 'Pacific/Tarawa', except: { 'Pacific/Kanton': ['P'], 'Pacific/Kiritimati': ['L'] } },
  // The TZ database puts Bayan-Ölgii, Khovd and Uvs on Hovd time (UTC+7).
  MN: { zone: 'Asia/Ulaanbaatar', except: { 'Asia/Hovd': ['071', '043', '046'] } },
  NZ: { zone: 'Pacific/Auckland', except: { 'Pacific/Chatham': ['CIT'] } },
  PG: { zone: 'Pacific/Port_Moresby', except: { 'Pacific/Bougainville': ['NSB'] } },
  PT: { zone: 'Europe/Lisbon', except: { 'Atlantic/Azores': ['20'], 'Atlantic/Madeira': ['30'] } },
  // Crimea and Sevastopol have been on Moscow time since 2014 (the TZ database's Europe/Simferopol).
  UA: { zone: 'Europe/Kyiv', except: { 'Europe/Simferopol': ['43', '40'] } },
  UM: {
    zone: 'Pacific/Midway',
    except: { 'Pacific/Wake': ['79'], 'Pacific/Johnston': ['67'] },
    unmapped: {
      '76': 'Navassa Island is uninhabited and has no TZ database zone',
      '81': 'Baker Island is uninhabited and has no TZ database zone',
      '84': 'Howland Island is uninhabited and has no TZ database zone',
      '86': 'Jarvis Island is uninhabited and has no TZ database zone',
      '89': 'Kingman Reef is uninhabited and has no TZ database zone',
      '95': 'Palmyra Atoll has no permanent residents and no TZ database zone',
    },
  },
};

/**
 * Countries with several clocks whose clock cannot be told from an ISO 3166-2 subdivision: their
 * people fall to the company default unless Okta sends a time zone.
 */
export const UNMAPPABLE_COUNTRIES: Readonly<Record<string, string>> = {
  AQ: 'ISO 3166-2 defines no subdivisions of Antarctica; each research station keeps its own clock',
  PF: 'ISO 3166-2 defines no subdivisions of French Polynesia (it is itself the French subdivision FR-PF)',
  TF: 'ISO 3166-2 defines no subdivisions of the French Southern Territories (itself FR-TF)',
};
