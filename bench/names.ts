/**
 * Names that look like names, so search over a synthetic graph behaves like
 * search over a real one: shared first names and surname stems (many prefix
 * hits), transliteration variants and Cyrillic spellings as aliases.
 */
import type { InstitutionCategory } from '../graph/core/model';
import type { Rng } from './prng';

const MALE = [
  'Askar', 'Bauyrzhan', 'Bolat', 'Daniyar', 'Dauren', 'Erlan', 'Galym', 'Kairat', 'Kanat', 'Kuanysh', 'Marat', 'Nurlan',
  'Nurzhan', 'Rustam', 'Serik', 'Talgat', 'Timur', 'Yerlan', 'Yerzhan', 'Arman', 'Azamat', 'Berik', 'Ruslan', 'Sanzhar',
  'Sergei', 'Ivan', 'Dmitry', 'Pavel', 'Andrei', 'Viktor', 'Oleg', 'Igor', 'Mikhail', 'Nikolai', 'Karim', 'Samir', 'Omar',
  'Ahmed', 'John', 'David', 'Erik', 'Anders', 'Paolo', 'Miguel', 'Jean', 'Hans', 'Wei', 'Chen', 'Alikhan', 'Murat',
];
const FEMALE = [
  'Aigerim', 'Asel', 'Dana', 'Dinara', 'Gulnara', 'Madina', 'Saule', 'Zhanna', 'Zhanar', 'Aizhan', 'Ainur', 'Botagoz',
  'Akmaral', 'Aruzhan', 'Aliya', 'Dariga', 'Kamila', 'Laura', 'Mira', 'Alina', 'Olga', 'Anna', 'Maria', 'Elena', 'Natalia',
  'Yulia', 'Svetlana', 'Tatiana', 'Irina', 'Leila', 'Fatima', 'Nadia', 'Sarah', 'Ingrid', 'Giulia', 'Lucia', 'Claire',
  'Greta', 'Mei', 'Li',
];
const SURNAME_STEMS = [
  'Abdi', 'Abil', 'Akhmet', 'Alim', 'Amanzhol', 'Baimukhamet', 'Bekmur', 'Berdibek', 'Dosmukhamet', 'Dzhaksybek', 'Ermek',
  'Esim', 'Ibray', 'Imangali', 'Isabek', 'Kasym', 'Kenzhebek', 'Kozhamzhar', 'Kul', 'Masim', 'Mukhamedzhan', 'Mamin',
  'Nurbek', 'Nurtle', 'Omar', 'Ormanbek', 'Sagint', 'Sarsenbay', 'Seit', 'Shaikenov', 'Smail', 'Suleimen', 'Tasmagambet',
  'Tokhtar', 'Tulegen', 'Turgumbay', 'Uteul', 'Yesimbek', 'Zhaksylyk', 'Zhumabek', 'Zhunus', 'Karin', 'Kushan', 'Bozumbay',
  'Sultanbek', 'Temirkhan', 'Orazbek', 'Aitkul', 'Bakytzhan', 'Daulet', 'Mussin', 'Rakhim', 'Sadyk', 'Toleu', 'Yergali',
  'Ivan', 'Petr', 'Sidor', 'Kuznets', 'Volk', 'Orl', 'Sokol', 'Belyak', 'Morozn', 'Lebed', 'Karpen', 'Zaitsev', 'Pavl',
  'Grigori', 'Fedor', 'Nikitin', 'Romanov', 'Sergeev', 'Makar', 'Tarasenk', 'Golub', 'Medved', 'Zhukov', 'Panfil',
];
const MALE_SUFFIXES = ['ov', 'ev', 'uly', 'bayev', 'in'];
const FEMALE_SUFFIXES = ['ova', 'eva', 'kyzy', 'bayeva', 'ina'];

const STATE_STARTS = ['Kar', 'Tal', 'Ost', 'Vel', 'Mar', 'Zor', 'Ald', 'Bel', 'Sar', 'Ners', 'Ulm', 'Dor', 'Kesh', 'Tur', 'Am', 'Lir', 'Pol', 'Ves'];
const STATE_MIDDLES = ['a', 'e', 'i', 'o', 'u', 'ava', 'ista', 'ema', 'ira', 'omo'];
const STATE_ENDS = ['nia', 'stan', 'land', 'via', 'ria', 'gary', 'mia', 'dor', 'ca'];
const STATE_FORMS = ['Republic of', 'Kingdom of', 'Federation of', 'Principality of', 'Union of'];

const PORTFOLIOS = ['Energy', 'Finance', 'Justice', 'Defence', 'Foreign Affairs', 'Internal Affairs', 'Agriculture', 'Health', 'Education', 'Transport', 'Digital Development', 'Ecology', 'Labour', 'Trade', 'Industry', 'Culture'];
const PLACES = ['Altai', 'Aral', 'Caspian', 'Steppe', 'Tien Shan', 'Irtysh', 'Ural', 'Balkhash', 'Turan', 'Saryarka', 'Zhetysu', 'Ili', 'Tobol', 'Ishim', 'Emba', 'Syr Darya', 'Baikonur', 'Kyzylkum'];
const INDUSTRIES = ['Petroleum', 'Gas', 'Mining', 'Copper', 'Uranium', 'Grain', 'Rail', 'Telecom', 'Steel', 'Energy', 'Logistics', 'Construction', 'Media', 'Invest', 'Capital', 'Holding'];
const COMPANY_FORMS = ['Company', 'Group', 'Holding', 'Corporation', 'Partners', 'JSC', 'LLP'];
const PARTY_WORDS = ['Democratic', 'People’s', 'Patriotic', 'Green', 'Progressive', 'Renewal', 'Unity', 'Future', 'Labour', 'Liberal'];
const IDEAS = ['Choice', 'Path', 'Alliance', 'Movement', 'Front', 'Party', 'Union', 'Forum'];

export interface PersonName {
  name: string;
  aliases: string[];
}

/** Latin → Cyrillic, digraphs first; good enough for plausible alias spellings. */
const TO_CYRILLIC: [string, string][] = [
  ['shch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'], ['ye', 'е'],
  ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'], ['i', 'и'], ['y', 'ы'], ['k', 'к'],
  ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'],
  ['h', 'х'], ['c', 'к'], ['w', 'в'], ['x', 'кс'], ['q', 'к'], ['j', 'дж'],
];

export function toCyrillic(latin: string): string {
  let out = '';
  let i = 0;
  const lower = latin.toLowerCase();
  while (i < latin.length) {
    const hit = TO_CYRILLIC.find(([l]) => lower.startsWith(l, i));
    if (!hit) {
      out += latin[i++];
      continue;
    }
    const upper = latin[i] !== lower[i];
    out += upper ? hit[1][0].toUpperCase() + hit[1].slice(1) : hit[1];
    i += hit[0].length;
  }
  return out;
}

/** A second Latin spelling, as transliterations differ: Tokayev/Tokaev, Zhaksybek/Jaksybek. */
function variantSpelling(name: string): string | null {
  const swaps: [RegExp, string][] = [[/ayev/g, 'aev'], [/yev/g, 'ev'], [/Zh/g, 'J'], [/kh/g, 'h'], [/uly\b/g, ' uly'], [/ii/g, 'iy'], [/y/g, 'i']];
  for (const [re, to] of swaps) {
    const v = name.replace(re, to);
    if (v !== name) return v;
  }
  return null;
}

export function personName(rng: Rng): PersonName {
  const female = rng.chance(0.4);
  const first = rng.pick(female ? FEMALE : MALE);
  const surname = rng.pick(SURNAME_STEMS) + rng.pick(female ? FEMALE_SUFFIXES : MALE_SUFFIXES);
  const middle = rng.chance(0.15) ? ` ${rng.pick(MALE)}${female ? 'ovna' : 'ovich'}` : '';
  const name = `${first}${middle} ${surname}`;
  const aliases: string[] = [];
  if (rng.chance(0.35)) {
    const v = variantSpelling(name);
    if (v) aliases.push(v);
  }
  if (rng.chance(0.25)) aliases.push(toCyrillic(`${first} ${surname}`));
  if (rng.chance(0.1)) aliases.push(surname);
  return { name, aliases };
}

export function stateName(rng: Rng): { name: string; aliases: string[] } {
  const short = rng.pick(STATE_STARTS) + rng.pick(STATE_MIDDLES) + rng.pick(STATE_ENDS);
  return { name: short, aliases: [`${rng.pick(STATE_FORMS)} ${short}`, toCyrillic(short)] };
}

/** An institution name fitting its category; `country` is a state's short name. */
export function institutionName(rng: Rng, category: InstitutionCategory, country: string): { name: string; aliases: string[] } {
  const place = rng.pick(PLACES);
  const acronym = (s: string) => s.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
  let name: string;
  switch (category) {
    case 'government body':
      name = `Ministry of ${rng.pick(PORTFOLIOS)} of ${country}`;
      break;
    case 'head of state office':
      name = `Presidential Administration of ${country}`;
      break;
    case 'parliament':
      name = `${rng.pick(['Supreme Council', 'National Assembly', 'Senate', 'Majlis'])} of ${country}`;
      break;
    case 'court':
      name = `${rng.pick(['Supreme Court', 'Constitutional Court', `${place} Regional Court`, 'Court of Appeal'])} of ${country}`;
      break;
    case 'prosecutor':
      name = `${rng.pick(['General Prosecutor’s Office', `${place} Prosecutor’s Office`, 'Anti-Corruption Agency'])} of ${country}`;
      break;
    case 'security service':
      name = `${rng.pick(['National Security Committee', 'State Protection Service', 'Border Service'])} of ${country}`;
      break;
    case 'military':
      name = `${rng.pick(['Armed Forces', 'National Guard', `${place} Military District`])} of ${country}`;
      break;
    case 'political party':
      name = `${rng.pick(PARTY_WORDS)} ${rng.pick(IDEAS)} of ${country}`;
      break;
    case 'company':
      name = `${place} ${rng.pick(INDUSTRIES)} ${rng.pick(COMPANY_FORMS)}`;
      break;
    case 'state fund':
      name = `${rng.pick(['Samruk', 'Baiterek', 'Kazyna', 'Bereke', place])} ${rng.pick(['National Fund', 'Sovereign Fund', 'Development Fund'])}`;
      break;
    case 'bank':
      name = `${rng.pick(['Bank', 'Development Bank', 'Savings Bank', 'Investment Bank'])} ${place}`;
      break;
    case 'international organisation':
      name = `${rng.pick(['Organisation', 'Council', 'Commission', 'Community'])} for ${rng.pick(['Eurasian', 'Central Asian', 'Caspian', 'Regional'])} ${rng.pick(['Cooperation', 'Security', 'Trade', 'Integration', 'Development'])}`;
      break;
    case 'military alliance':
      name = `${rng.pick(['Collective', 'Joint', 'Mutual'])} ${rng.pick(['Security', 'Defence'])} ${rng.pick(['Treaty', 'Pact', 'Organisation'])}`;
      break;
    case 'media':
      name = `${place} ${rng.pick(['Times', 'Herald', 'Broadcasting', 'News', 'Observer', 'Radio', 'Post'])}`;
      break;
    case 'think tank':
      name = `${place} Institute for ${rng.pick(['Strategic Studies', 'Policy Research', 'Economic Analysis', 'Security Studies'])}`;
      break;
    case 'civil society':
      name = `${rng.pick(['Foundation', 'Association', 'Union', 'Committee'])} for ${rng.pick(['Human Rights', 'Fair Elections', 'Press Freedom', 'Ecology', 'Legal Aid'])} in ${country}`;
      break;
    case 'religious body':
      name = `${rng.pick(['Spiritual Administration', 'Eparchy', 'Council of Faiths'])} of ${place}`;
      break;
    case 'region':
      name = `${place} Region`;
      break;
    default:
      name = `${place} ${rng.pick(['Council', 'Board', 'Agency', 'Office'])}`;
  }
  const aliases: string[] = [];
  const abbr = acronym(name);
  if (abbr.length >= 2 && rng.chance(0.5)) aliases.push(abbr);
  if (rng.chance(0.2)) aliases.push(toCyrillic(name));
  return { name, aliases };
}
