/**
 * Adjectives of nationality ("Russian", "Kazakhstani", "Chinese") for state
 * names, so "Chinese leader Xi Jinping" or "Russian-led alliance" can name the
 * state. General English, not tied to any dataset: regular endings by rule,
 * the irregular ones listed.
 */

const IRREGULAR: Record<string, string[]> = {
  afghanistan: ['Afghan'],
  bahrain: ['Bahraini'],
  belarus: ['Belarusian', 'Belarussian'],
  britain: ['British'],
  'united kingdom': ['British'],
  china: ['Chinese'],
  denmark: ['Danish'],
  finland: ['Finnish'],
  france: ['French'],
  germany: ['German'],
  greece: ['Greek'],
  iraq: ['Iraqi'],
  ireland: ['Irish'],
  israel: ['Israeli'],
  japan: ['Japanese'],
  kuwait: ['Kuwaiti'],
  lebanon: ['Lebanese'],
  netherlands: ['Dutch'],
  norway: ['Norwegian'],
  oman: ['Omani'],
  pakistan: ['Pakistani'],
  philippines: ['Filipino', 'Philippine'],
  poland: ['Polish'],
  portugal: ['Portuguese'],
  qatar: ['Qatari'],
  'saudi arabia': ['Saudi'],
  spain: ['Spanish'],
  sudan: ['Sudanese'],
  sweden: ['Swedish'],
  switzerland: ['Swiss'],
  thailand: ['Thai'],
  turkey: ['Turkish'],
  turkiye: ['Turkish'],
  'united arab emirates': ['Emirati'],
  'united states': ['American'],
  vietnam: ['Vietnamese'],
  yemen: ['Yemeni'],
};

/** Adjectives for one state name (normalised, lower case); title-cased. */
export function demonymsOf(normalizedName: string): string[] {
  const irregular = IRREGULAR[normalizedName];
  if (irregular) return irregular;
  if (normalizedName.includes(' ')) return [];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const n = normalizedName;
  if (n.endsWith('stan')) return [cap(n.slice(0, -4)), cap(`${n}i`)]; // Kazakh, Kazakhstani
  if (n.endsWith('ia')) return [cap(`${n.slice(0, -1)}an`)]; // Russian, Armenian
  if (n.endsWith('a')) return [cap(`${n}n`)]; // Cuban
  if (n.endsWith('e')) return [cap(`${n.slice(0, -1)}ian`)]; // Ukrainian
  if (n.endsWith('n')) return [cap(`${n}ian`)]; // Iranian
  return [];
}
