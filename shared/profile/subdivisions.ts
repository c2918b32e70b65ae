import { SUBDIVISION_NAMES_JSON } from './subdivision-names.generated.js';
import { ZONES_BY_COUNTRY } from './subdivision-zones.js';

/**
 * States, provinces and other ISO 3166-2 subdivisions of the countries whose time zone depends on
 * where in the country a person is, each with the IANA time zone that covers most of its
 * population. i18n-iso-countries has no subdivisions, hence this table; the other countries with
 * several clocks are mapped in subdivision-zones.ts (zones) over CLDR's subdivision names.
 *
 * Zones are canonical TZ database names (never deprecated links), chosen from the zones
 * countries-and-timezones lists for the country (for the US territories, for the territory's own
 * ISO 3166-1 code); a unit test holds the table to that.
 *
 * Covered: US (50 states, DC, territories), CA, AU, BR, MX, and all 83 federal subjects of RU
 * (every Russian UTC offset, from Kaliningrad +2 to Kamchatka +12). Crimea and Sevastopol are
 * not listed: ISO 3166-2 has them under UA.
 */
export interface Subdivision {
  /** ISO 3166-2 code, e.g. "US-CA". */
  code: string;
  /** English name. */
  name: string;
  /** Other names admins type: local-language spellings, ISO's transliterations, old names. */
  aliases?: readonly string[];
  /** IANA TZ database name of the zone covering most of the subdivision's population. */
  timeZone: string;
}

const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
const LOS_ANGELES = 'America/Los_Angeles';
const SAO_PAULO = 'America/Sao_Paulo';
const FORTALEZA = 'America/Fortaleza';
const MEXICO_CITY = 'America/Mexico_City';
const MOSCOW = 'Europe/Moscow';
const YEKATERINBURG = 'Asia/Yekaterinburg';

export const SUBDIVISIONS: readonly Subdivision[] = [
  // United States: states
  { code: 'US-AL', name: 'Alabama', timeZone: CHICAGO },
  { code: 'US-AK', name: 'Alaska', timeZone: 'America/Anchorage' },
  { code: 'US-AZ', name: 'Arizona', timeZone: 'America/Phoenix' },
  { code: 'US-AR', name: 'Arkansas', timeZone: CHICAGO },
  { code: 'US-CA', name: 'California', timeZone: LOS_ANGELES },
  { code: 'US-CO', name: 'Colorado', timeZone: DENVER },
  { code: 'US-CT', name: 'Connecticut', timeZone: NEW_YORK },
  { code: 'US-DE', name: 'Delaware', timeZone: NEW_YORK },
  { code: 'US-FL', name: 'Florida', timeZone: NEW_YORK },
  { code: 'US-GA', name: 'Georgia', timeZone: NEW_YORK },
  { code: 'US-HI', name: 'Hawaii', timeZone: 'Pacific/Honolulu' },
  { code: 'US-ID', name: 'Idaho', timeZone: 'America/Boise' },
  { code: 'US-IL', name: 'Illinois', timeZone: CHICAGO },
  { code: 'US-IN', name: 'Indiana', timeZone: 'America/Indiana/Indianapolis' },
  { code: 'US-IA', name: 'Iowa', timeZone: CHICAGO },
  { code: 'US-KS', name: 'Kansas', timeZone: CHICAGO },
  // Lexington and the east outnumber the Louisville area (America/Kentucky/Louisville).
  { code: 'US-KY', name: 'Kentucky', timeZone: NEW_YORK },
  { code: 'US-LA', name: 'Louisiana', timeZone: CHICAGO },
  { code: 'US-ME', name: 'Maine', timeZone: NEW_YORK },
  { code: 'US-MD', name: 'Maryland', timeZone: NEW_YORK },
  { code: 'US-MA', name: 'Massachusetts', timeZone: NEW_YORK },
  { code: 'US-MI', name: 'Michigan', timeZone: 'America/Detroit' },
  { code: 'US-MN', name: 'Minnesota', timeZone: CHICAGO },
  { code: 'US-MS', name: 'Mississippi', timeZone: CHICAGO },
  { code: 'US-MO', name: 'Missouri', timeZone: CHICAGO },
  { code: 'US-MT', name: 'Montana', timeZone: DENVER },
  { code: 'US-NE', name: 'Nebraska', timeZone: CHICAGO },
  { code: 'US-NV', name: 'Nevada', timeZone: LOS_ANGELES },
  { code: 'US-NH', name: 'New Hampshire', timeZone: NEW_YORK },
  { code: 'US-NJ', name: 'New Jersey', timeZone: NEW_YORK },
  { code: 'US-NM', name: 'New Mexico', timeZone: DENVER },
  { code: 'US-NY', name: 'New York', timeZone: NEW_YORK },
  { code: 'US-NC', name: 'North Carolina', timeZone: NEW_YORK },
  { code: 'US-ND', name: 'North Dakota', timeZone: CHICAGO },
  { code: 'US-OH', name: 'Ohio', timeZone: NEW_YORK },
  { code: 'US-OK', name: 'Oklahoma', timeZone: CHICAGO },
  { code: 'US-OR', name: 'Oregon', timeZone: LOS_ANGELES },
  { code: 'US-PA', name: 'Pennsylvania', timeZone: NEW_YORK },
  { code: 'US-RI', name: 'Rhode Island', timeZone: NEW_YORK },
  { code: 'US-SC', name: 'South Carolina', timeZone: NEW_YORK },
  { code: 'US-SD', name: 'South Dakota', timeZone: CHICAGO },
  // Nashville and Memphis (Central) outnumber Knoxville and Chattanooga (Eastern).
  { code: 'US-TN', name: 'Tennessee', timeZone: CHICAGO },
  { code: 'US-TX', name: 'Texas', timeZone: CHICAGO },
  { code: 'US-UT', name: 'Utah', timeZone: DENVER },
  { code: 'US-VT', name: 'Vermont', timeZone: NEW_YORK },
  { code: 'US-VA', name: 'Virginia', timeZone: NEW_YORK },
  { code: 'US-WA', name: 'Washington', timeZone: LOS_ANGELES },
  { code: 'US-WV', name: 'West Virginia', timeZone: NEW_YORK },
  { code: 'US-WI', name: 'Wisconsin', timeZone: CHICAGO },
  { code: 'US-WY', name: 'Wyoming', timeZone: DENVER },
  // United States: district and outlying areas
  { code: 'US-DC', name: 'District of Columbia', aliases: ['Washington DC', 'Washington D.C.'], timeZone: NEW_YORK },
  { code: 'US-AS', name: 'American Samoa', timeZone: 'Pacific/Pago_Pago' },
  { code: 'US-GU', name: 'Guam', timeZone: 'Pacific/Guam' },
  { code: 'US-MP', name: 'Northern Mariana Islands', timeZone: 'Pacific/Guam' },
  { code: 'US-PR', name: 'Puerto Rico', timeZone: 'America/Puerto_Rico' },
  // Most residents live on Wake Island (UTC+12).
  { code: 'US-UM', name: 'United States Minor Outlying Islands', timeZone: 'Pacific/Tarawa' },
  { code: 'US-VI', name: 'U.S. Virgin Islands', aliases: ['United States Virgin Islands', 'Virgin Islands'], timeZone: 'America/Puerto_Rico' },

  // Canada
  { code: 'CA-AB', name: 'Alberta', timeZone: 'America/Edmonton' },
  { code: 'CA-BC', name: 'British Columbia', aliases: ['Colombie-Britannique'], timeZone: 'America/Vancouver' },
  { code: 'CA-MB', name: 'Manitoba', timeZone: 'America/Winnipeg' },
  { code: 'CA-NB', name: 'New Brunswick', aliases: ['Nouveau-Brunswick'], timeZone: 'America/Moncton' },
  { code: 'CA-NL', name: 'Newfoundland and Labrador', aliases: ['Newfoundland', 'Terre-Neuve-et-Labrador'], timeZone: 'America/St_Johns' },
  { code: 'CA-NS', name: 'Nova Scotia', aliases: ['Nouvelle-Écosse'], timeZone: 'America/Halifax' },
  { code: 'CA-NT', name: 'Northwest Territories', aliases: ['Territoires du Nord-Ouest'], timeZone: 'America/Edmonton' },
  { code: 'CA-NU', name: 'Nunavut', timeZone: 'America/Iqaluit' },
  { code: 'CA-ON', name: 'Ontario', timeZone: 'America/Toronto' },
  { code: 'CA-PE', name: 'Prince Edward Island', aliases: ['Île-du-Prince-Édouard'], timeZone: 'America/Halifax' },
  { code: 'CA-QC', name: 'Quebec', aliases: ['Québec'], timeZone: 'America/Toronto' },
  { code: 'CA-SK', name: 'Saskatchewan', timeZone: 'America/Regina' },
  { code: 'CA-YT', name: 'Yukon', aliases: ['Yukon Territory'], timeZone: 'America/Whitehorse' },

  // Australia
  { code: 'AU-ACT', name: 'Australian Capital Territory', timeZone: 'Australia/Sydney' },
  { code: 'AU-NSW', name: 'New South Wales', timeZone: 'Australia/Sydney' },
  { code: 'AU-NT', name: 'Northern Territory', timeZone: 'Australia/Darwin' },
  { code: 'AU-QLD', name: 'Queensland', timeZone: 'Australia/Brisbane' },
  { code: 'AU-SA', name: 'South Australia', timeZone: 'Australia/Adelaide' },
  { code: 'AU-TAS', name: 'Tasmania', timeZone: 'Australia/Hobart' },
  { code: 'AU-VIC', name: 'Victoria', timeZone: 'Australia/Melbourne' },
  { code: 'AU-WA', name: 'Western Australia', timeZone: 'Australia/Perth' },

  // Brazil
  { code: 'BR-AC', name: 'Acre', timeZone: 'America/Rio_Branco' },
  { code: 'BR-AL', name: 'Alagoas', timeZone: 'America/Maceio' },
  { code: 'BR-AP', name: 'Amapá', timeZone: 'America/Belem' },
  { code: 'BR-AM', name: 'Amazonas', timeZone: 'America/Manaus' },
  { code: 'BR-BA', name: 'Bahia', timeZone: 'America/Bahia' },
  { code: 'BR-CE', name: 'Ceará', timeZone: FORTALEZA },
  { code: 'BR-DF', name: 'Distrito Federal', aliases: ['Federal District'], timeZone: SAO_PAULO },
  { code: 'BR-ES', name: 'Espírito Santo', timeZone: SAO_PAULO },
  { code: 'BR-GO', name: 'Goiás', timeZone: SAO_PAULO },
  { code: 'BR-MA', name: 'Maranhão', timeZone: FORTALEZA },
  { code: 'BR-MT', name: 'Mato Grosso', timeZone: 'America/Cuiaba' },
  { code: 'BR-MS', name: 'Mato Grosso do Sul', timeZone: 'America/Campo_Grande' },
  { code: 'BR-MG', name: 'Minas Gerais', timeZone: SAO_PAULO },
  // Belém and the east of the state; the west (Santarém) has its own zone with the same offset.
  { code: 'BR-PA', name: 'Pará', timeZone: 'America/Belem' },
  { code: 'BR-PB', name: 'Paraíba', timeZone: FORTALEZA },
  { code: 'BR-PR', name: 'Paraná', timeZone: SAO_PAULO },
  { code: 'BR-PE', name: 'Pernambuco', timeZone: 'America/Recife' },
  { code: 'BR-PI', name: 'Piauí', timeZone: FORTALEZA },
  { code: 'BR-RJ', name: 'Rio de Janeiro', timeZone: SAO_PAULO },
  { code: 'BR-RN', name: 'Rio Grande do Norte', timeZone: FORTALEZA },
  { code: 'BR-RS', name: 'Rio Grande do Sul', timeZone: SAO_PAULO },
  { code: 'BR-RO', name: 'Rondônia', timeZone: 'America/Porto_Velho' },
  { code: 'BR-RR', name: 'Roraima', timeZone: 'America/Boa_Vista' },
  { code: 'BR-SC', name: 'Santa Catarina', timeZone: SAO_PAULO },
  { code: 'BR-SP', name: 'São Paulo', timeZone: SAO_PAULO },
  { code: 'BR-SE', name: 'Sergipe', timeZone: 'America/Maceio' },
  { code: 'BR-TO', name: 'Tocantins', timeZone: 'America/Araguaina' },

  // Mexico
  { code: 'MX-AGU', name: 'Aguascalientes', timeZone: MEXICO_CITY },
  { code: 'MX-BCN', name: 'Baja California', timeZone: 'America/Tijuana' },
  { code: 'MX-BCS', name: 'Baja California Sur', timeZone: 'America/Mazatlan' },
  { code: 'MX-CAM', name: 'Campeche', timeZone: 'America/Merida' },
  { code: 'MX-CHP', name: 'Chiapas', timeZone: MEXICO_CITY },
  // Ciudad Juárez (America/Ciudad_Juarez) is the largest city, but the rest of the state is larger.
  { code: 'MX-CHH', name: 'Chihuahua', timeZone: 'America/Chihuahua' },
  { code: 'MX-CMX', name: 'Mexico City', aliases: ['Ciudad de México', 'CDMX', 'Distrito Federal'], timeZone: MEXICO_CITY },
  { code: 'MX-COA', name: 'Coahuila', aliases: ['Coahuila de Zaragoza'], timeZone: 'America/Monterrey' },
  { code: 'MX-COL', name: 'Colima', timeZone: MEXICO_CITY },
  { code: 'MX-DUR', name: 'Durango', timeZone: 'America/Monterrey' },
  { code: 'MX-GUA', name: 'Guanajuato', timeZone: MEXICO_CITY },
  { code: 'MX-GRO', name: 'Guerrero', timeZone: MEXICO_CITY },
  { code: 'MX-HID', name: 'Hidalgo', timeZone: MEXICO_CITY },
  { code: 'MX-JAL', name: 'Jalisco', timeZone: MEXICO_CITY },
  { code: 'MX-MEX', name: 'State of Mexico', aliases: ['México', 'Estado de México'], timeZone: MEXICO_CITY },
  { code: 'MX-MIC', name: 'Michoacán', aliases: ['Michoacán de Ocampo'], timeZone: MEXICO_CITY },
  { code: 'MX-MOR', name: 'Morelos', timeZone: MEXICO_CITY },
  { code: 'MX-NAY', name: 'Nayarit', timeZone: 'America/Mazatlan' },
  { code: 'MX-NLE', name: 'Nuevo León', timeZone: 'America/Monterrey' },
  { code: 'MX-OAX', name: 'Oaxaca', timeZone: MEXICO_CITY },
  { code: 'MX-PUE', name: 'Puebla', timeZone: MEXICO_CITY },
  { code: 'MX-QUE', name: 'Querétaro', aliases: ['Querétaro de Arteaga'], timeZone: MEXICO_CITY },
  { code: 'MX-ROO', name: 'Quintana Roo', timeZone: 'America/Cancun' },
  { code: 'MX-SLP', name: 'San Luis Potosí', timeZone: MEXICO_CITY },
  { code: 'MX-SIN', name: 'Sinaloa', timeZone: 'America/Mazatlan' },
  { code: 'MX-SON', name: 'Sonora', timeZone: 'America/Hermosillo' },
  { code: 'MX-TAB', name: 'Tabasco', timeZone: MEXICO_CITY },
  // Reynosa, Matamoros and Nuevo Laredo, on the border (US daylight saving), hold most of the state.
  { code: 'MX-TAM', name: 'Tamaulipas', timeZone: 'America/Matamoros' },
  { code: 'MX-TLA', name: 'Tlaxcala', timeZone: MEXICO_CITY },
  { code: 'MX-VER', name: 'Veracruz', aliases: ['Veracruz de Ignacio de la Llave'], timeZone: MEXICO_CITY },
  { code: 'MX-YUC', name: 'Yucatán', timeZone: 'America/Merida' },
  { code: 'MX-ZAC', name: 'Zacatecas', timeZone: MEXICO_CITY },

  // Russia: republics
  { code: 'RU-AD', name: 'Adygea', aliases: ['Adygeya', 'Respublika Adygeya'], timeZone: MOSCOW },
  { code: 'RU-AL', name: 'Altai Republic', aliases: ['Altay', 'Respublika Altay'], timeZone: 'Asia/Barnaul' },
  { code: 'RU-BA', name: 'Bashkortostan', aliases: ['Respublika Bashkortostan'], timeZone: YEKATERINBURG },
  { code: 'RU-BU', name: 'Buryatia', aliases: ['Buryatiya', 'Respublika Buryatiya'], timeZone: 'Asia/Irkutsk' },
  { code: 'RU-CE', name: 'Chechnya', aliases: ['Chechen Republic', 'Chechenskaya Respublika'], timeZone: MOSCOW },
  { code: 'RU-CU', name: 'Chuvashia', aliases: ['Chuvash Republic', 'Chuvashskaya Respublika'], timeZone: MOSCOW },
  { code: 'RU-DA', name: 'Dagestan', aliases: ['Respublika Dagestan'], timeZone: MOSCOW },
  { code: 'RU-IN', name: 'Ingushetia', aliases: ['Ingushetiya', 'Respublika Ingushetiya'], timeZone: MOSCOW },
  { code: 'RU-KB', name: 'Kabardino-Balkaria', aliases: ['Kabardino-Balkarskaya Respublika'], timeZone: MOSCOW },
  { code: 'RU-KL', name: 'Kalmykia', aliases: ['Kalmykiya', 'Respublika Kalmykiya'], timeZone: MOSCOW },
  { code: 'RU-KC', name: 'Karachay-Cherkessia', aliases: ['Karachayevo-Cherkesskaya Respublika'], timeZone: MOSCOW },
  { code: 'RU-KR', name: 'Karelia', aliases: ['Kareliya', 'Respublika Kareliya'], timeZone: MOSCOW },
  { code: 'RU-KK', name: 'Khakassia', aliases: ['Khakasiya', 'Respublika Khakasiya'], timeZone: 'Asia/Krasnoyarsk' },
  { code: 'RU-KO', name: 'Komi', aliases: ['Komi Republic', 'Respublika Komi'], timeZone: MOSCOW },
  { code: 'RU-ME', name: 'Mari El', aliases: ['Respublika Mariy El'], timeZone: MOSCOW },
  { code: 'RU-MO', name: 'Mordovia', aliases: ['Mordoviya', 'Respublika Mordoviya'], timeZone: MOSCOW },
  // Yakutsk and most of the republic; the east runs an hour or two ahead (Asia/Ust-Nera, Asia/Srednekolymsk).
  { code: 'RU-SA', name: 'Sakha (Yakutia)', aliases: ['Sakha', 'Yakutia', 'Respublika Sakha (Yakutiya)'], timeZone: 'Asia/Yakutsk' },
  { code: 'RU-SE', name: 'North Ossetia–Alania', aliases: ['North Ossetia', 'Respublika Severnaya Osetiya'], timeZone: MOSCOW },
  { code: 'RU-TA', name: 'Tatarstan', aliases: ['Respublika Tatarstan'], timeZone: MOSCOW },
  { code: 'RU-TY', name: 'Tuva', aliases: ['Tyva', 'Respublika Tyva'], timeZone: 'Asia/Krasnoyarsk' },
  { code: 'RU-UD', name: 'Udmurtia', aliases: ['Udmurtskaya Respublika'], timeZone: 'Europe/Samara' },
  // Russia: krais
  { code: 'RU-ALT', name: 'Altai Krai', aliases: ["Altayskiy kray"], timeZone: 'Asia/Barnaul' },
  { code: 'RU-KAM', name: 'Kamchatka Krai', aliases: ["Kamchatskiy kray", 'Kamchatka'], timeZone: 'Asia/Kamchatka' },
  { code: 'RU-KHA', name: 'Khabarovsk Krai', aliases: ["Khabarovskiy kray"], timeZone: 'Asia/Vladivostok' },
  { code: 'RU-KDA', name: 'Krasnodar Krai', aliases: ["Krasnodarskiy kray"], timeZone: MOSCOW },
  { code: 'RU-KYA', name: 'Krasnoyarsk Krai', aliases: ["Krasnoyarskiy kray"], timeZone: 'Asia/Krasnoyarsk' },
  { code: 'RU-PER', name: 'Perm Krai', aliases: ["Permskiy kray"], timeZone: YEKATERINBURG },
  { code: 'RU-PRI', name: 'Primorsky Krai', aliases: ["Primorskiy kray"], timeZone: 'Asia/Vladivostok' },
  { code: 'RU-STA', name: 'Stavropol Krai', aliases: ["Stavropol'skiy kray"], timeZone: MOSCOW },
  { code: 'RU-ZAB', name: 'Zabaykalsky Krai', aliases: ["Zabaykal'skiy kray"], timeZone: 'Asia/Chita' },
  // Russia: oblasts
  { code: 'RU-AMU', name: 'Amur Oblast', aliases: ['Amurskaya oblast'], timeZone: 'Asia/Yakutsk' },
  { code: 'RU-ARK', name: 'Arkhangelsk Oblast', aliases: ["Arkhangel'skaya oblast"], timeZone: MOSCOW },
  { code: 'RU-AST', name: 'Astrakhan Oblast', aliases: ['Astrakhanskaya oblast'], timeZone: 'Europe/Astrakhan' },
  { code: 'RU-BEL', name: 'Belgorod Oblast', aliases: ['Belgorodskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-BRY', name: 'Bryansk Oblast', aliases: ['Bryanskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-CHE', name: 'Chelyabinsk Oblast', aliases: ['Chelyabinskaya oblast'], timeZone: YEKATERINBURG },
  { code: 'RU-IRK', name: 'Irkutsk Oblast', aliases: ['Irkutskaya oblast'], timeZone: 'Asia/Irkutsk' },
  { code: 'RU-IVA', name: 'Ivanovo Oblast', aliases: ['Ivanovskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-KGD', name: 'Kaliningrad Oblast', aliases: ['Kaliningradskaya oblast'], timeZone: 'Europe/Kaliningrad' },
  { code: 'RU-KLU', name: 'Kaluga Oblast', aliases: ['Kaluzhskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-KEM', name: 'Kemerovo Oblast', aliases: ['Kemerovskaya oblast', 'Kuzbass'], timeZone: 'Asia/Novokuznetsk' },
  { code: 'RU-KIR', name: 'Kirov Oblast', aliases: ['Kirovskaya oblast'], timeZone: 'Europe/Kirov' },
  { code: 'RU-KOS', name: 'Kostroma Oblast', aliases: ['Kostromskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-KGN', name: 'Kurgan Oblast', aliases: ['Kurganskaya oblast'], timeZone: YEKATERINBURG },
  { code: 'RU-KRS', name: 'Kursk Oblast', aliases: ['Kurskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-LEN', name: 'Leningrad Oblast', aliases: ['Leningradskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-LIP', name: 'Lipetsk Oblast', aliases: ['Lipetskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-MAG', name: 'Magadan Oblast', aliases: ['Magadanskaya oblast'], timeZone: 'Asia/Magadan' },
  { code: 'RU-MOS', name: 'Moscow Oblast', aliases: ['Moskovskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-MUR', name: 'Murmansk Oblast', aliases: ['Murmanskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-NIZ', name: 'Nizhny Novgorod Oblast', aliases: ['Nizhegorodskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-NGR', name: 'Novgorod Oblast', aliases: ['Novgorodskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-NVS', name: 'Novosibirsk Oblast', aliases: ['Novosibirskaya oblast'], timeZone: 'Asia/Novosibirsk' },
  { code: 'RU-OMS', name: 'Omsk Oblast', aliases: ['Omskaya oblast'], timeZone: 'Asia/Omsk' },
  { code: 'RU-ORE', name: 'Orenburg Oblast', aliases: ['Orenburgskaya oblast'], timeZone: YEKATERINBURG },
  { code: 'RU-ORL', name: 'Oryol Oblast', aliases: ['Orlovskaya oblast', 'Orel Oblast'], timeZone: MOSCOW },
  { code: 'RU-PNZ', name: 'Penza Oblast', aliases: ['Penzenskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-PSK', name: 'Pskov Oblast', aliases: ['Pskovskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-ROS', name: 'Rostov Oblast', aliases: ['Rostovskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-RYA', name: 'Ryazan Oblast', aliases: ['Ryazanskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-SAK', name: 'Sakhalin Oblast', aliases: ['Sakhalinskaya oblast'], timeZone: 'Asia/Sakhalin' },
  { code: 'RU-SAM', name: 'Samara Oblast', aliases: ['Samarskaya oblast'], timeZone: 'Europe/Samara' },
  { code: 'RU-SAR', name: 'Saratov Oblast', aliases: ['Saratovskaya oblast'], timeZone: 'Europe/Saratov' },
  { code: 'RU-SMO', name: 'Smolensk Oblast', aliases: ['Smolenskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-SVE', name: 'Sverdlovsk Oblast', aliases: ['Sverdlovskaya oblast'], timeZone: YEKATERINBURG },
  { code: 'RU-TAM', name: 'Tambov Oblast', aliases: ['Tambovskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-TOM', name: 'Tomsk Oblast', aliases: ['Tomskaya oblast'], timeZone: 'Asia/Tomsk' },
  { code: 'RU-TUL', name: 'Tula Oblast', aliases: ["Tul'skaya oblast"], timeZone: MOSCOW },
  { code: 'RU-TVE', name: 'Tver Oblast', aliases: ['Tverskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-TYU', name: 'Tyumen Oblast', aliases: ['Tyumenskaya oblast'], timeZone: YEKATERINBURG },
  { code: 'RU-ULY', name: 'Ulyanovsk Oblast', aliases: ["Ul'yanovskaya oblast"], timeZone: 'Europe/Ulyanovsk' },
  { code: 'RU-VLA', name: 'Vladimir Oblast', aliases: ['Vladimirskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-VGG', name: 'Volgograd Oblast', aliases: ['Volgogradskaya oblast'], timeZone: 'Europe/Volgograd' },
  { code: 'RU-VLG', name: 'Vologda Oblast', aliases: ['Vologodskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-VOR', name: 'Voronezh Oblast', aliases: ['Voronezhskaya oblast'], timeZone: MOSCOW },
  { code: 'RU-YAR', name: 'Yaroslavl Oblast', aliases: ["Yaroslavskaya oblast"], timeZone: MOSCOW },
  // Russia: federal cities, autonomous oblast, autonomous okrugs
  { code: 'RU-MOW', name: 'Moscow', aliases: ['Moskva'], timeZone: MOSCOW },
  { code: 'RU-SPE', name: 'Saint Petersburg', aliases: ['Sankt-Peterburg', 'St Petersburg'], timeZone: MOSCOW },
  { code: 'RU-YEV', name: 'Jewish Autonomous Oblast', aliases: ["Yevreyskaya avtonomnaya oblast'"], timeZone: 'Asia/Vladivostok' },
  { code: 'RU-CHU', name: 'Chukotka', aliases: ['Chukotka Autonomous Okrug', 'Chukotskiy avtonomnyy okrug'], timeZone: 'Asia/Anadyr' },
  { code: 'RU-KHM', name: 'Khanty-Mansi Autonomous Okrug', aliases: ['Khanty-Mansiyskiy avtonomnyy okrug', 'Yugra'], timeZone: YEKATERINBURG },
  { code: 'RU-NEN', name: 'Nenets Autonomous Okrug', aliases: ['Nenetskiy avtonomnyy okrug'], timeZone: MOSCOW },
  { code: 'RU-YAN', name: 'Yamalo-Nenets Autonomous Okrug', aliases: ['Yamalo-Nenetskiy avtonomnyy okrug'], timeZone: YEKATERINBURG },
];

const byCode = new Map(SUBDIVISIONS.map((subdivision) => [subdivision.code, subdivision]));
const countriesInTable = new Set(SUBDIVISIONS.map((subdivision) => countryOfSubdivision(subdivision.code)));

const isMappedCountry = (countryCode: string) => Object.hasOwn(ZONES_BY_COUNTRY, countryCode);

let mapped: Map<string, Subdivision> | undefined;

/**
 * The subdivisions of the countries of subdivision-zones.ts, built on first use: only when a
 * member's country or subdivision is one of them.
 */
export function mappedSubdivisions(): ReadonlyMap<string, Subdivision> {
  if (mapped) return mapped;
  const names = JSON.parse(SUBDIVISION_NAMES_JSON) as Record<string, Record<string, string>>;
  const built = new Map<string, Subdivision>();
  for (const [country, zones] of Object.entries(ZONES_BY_COUNTRY)) {
    const exceptions = new Map(Object.entries(zones.except ?? {}).flatMap(([zone, codes]) => codes.map((code) => [code, zone] as const)));
    const countryNames = names[country] ?? {};
    const taken = new Set(Object.values(countryNames));
    for (const [code, name] of Object.entries(countryNames)) {
      if (zones.unmapped && Object.hasOwn(zones.unmapped, code)) continue;
      // CLDR tells a province from the community of the same name with " Province" ("Madrid
      // Province", "Madrid Autonomous Community"); people write "Madrid". The short name is
      // an alias only when no other subdivision has it ("La Rioja Province" vs "La Rioja").
      const short = name.replace(/ Province$/, '');
      const aliases = short !== name && !taken.has(short) ? [short] : undefined;
      built.set(`${country}-${code}`, { code: `${country}-${code}`, name, ...(aliases ? { aliases } : {}), timeZone: exceptions.get(code) ?? zones.zone });
    }
  }
  mapped = built;
  return built;
}

/** The subdivision with this ISO 3166-2 code (exact, upper case), if the table has it. */
export function findSubdivision(code: string): Subdivision | undefined {
  return byCode.get(code) ?? (isMappedCountry(countryOfSubdivision(code)) ? mappedSubdivisions().get(code) : undefined);
}

/** Whether the subdivisions of this country (ISO 3166-1 alpha-2, upper case) are known. */
export function hasSubdivisionTable(countryCode: string): boolean {
  return countriesInTable.has(countryCode) || isMappedCountry(countryCode);
}

/**
 * Whether a name that is none of the country's known subdivision names is wrong: yes in the
 * curated table's countries (names and the aliases admins type); not in the others, known by
 * CLDR's English names only (an admin may type "Canarias" or "Kyiv Oblast").
 */
export function hasCompleteSubdivisionNames(countryCode: string): boolean {
  return countriesInTable.has(countryCode);
}

/** "US-CA" → "US". */
export function countryOfSubdivision(code: string): string {
  return code.slice(0, code.indexOf('-'));
}
