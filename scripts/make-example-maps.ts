/**
 * npx tsx scripts/make-example-maps.ts [--dataset DIR]
 * Builds the example curated maps shipped in data/maps.jsonl: picks the
 * actors and relationships of each map, lays them out once with fcose
 * (headless Cytoscape, Math.random seeded so the result is reproducible),
 * applies the hand adjustments listed below for readability, and saves each
 * map through `buildMap`, the same check a store runs, so saved names are the
 * dataset's. Every annotation quotes, or closely paraphrases, an excerpt cited
 * by a relationship of its map (a note on an actor, by one of that actor's
 * relationships on the map); the comment above each names which.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { seededRandom } from '../graph/analytics/seeded-random';
import { readDatasetDir, MAPS_FILE, toJsonLines } from '../graph/io/dataset';
import { buildMap, type CuratedMap, type MapInput } from '../graph/core/maps';
import type { Actor, Relationship } from '../graph/core/model';
import { runCli } from './cli';

cytoscape.use(fcose);

/** Fixed, so re-running the script leaves the file unchanged unless the maps change. */
const SAVED_AT = '2026-11-23T12:00:00.000Z';
const SEED = 20220105;

interface ExampleMap {
  id: string;
  title: string;
  description: string;
  asOf?: string;
  relationshipIds: string[];
  /** Hand adjustments after the layout, by actor id: where the node goes instead. */
  place?: Record<string, { x: number; y: number }>;
  /** Positions of CANVAS notes, by annotation id. */
  canvas?: Record<string, { x: number; y: number }>;
  annotations: MapInput['annotations'];
}

const NAZARBAYEV_CIRCLE: ExampleMap = {
  id: 'fall-of-the-nazarbayev-circle-2022',
  title: 'The fall of the Nazarbayev circle, 2022',
  description:
    'After the January 2022 unrest, President Tokayev removed his predecessor’s relatives and associates from positions of authority. Relatives lost posts in the security service, the Senate and business; several were detained or prosecuted, as was Karim Massimov, the former head of the security service. Every line is a cited relationship; open one to read its sources.',
  asOf: '2022',
  // Tokayev above his predecessor; the family around Nazarbayev, each beside the post they lost or the body that prosecuted them.
  place: {
    'kassym-jomart-tokayev': { x: 0, y: -400 },
    'nursultan-nazarbayev': { x: 0, y: 0 },
    'samat-abish': { x: 360, y: -140 },
    'national-security-committee': { x: 680, y: -140 },
    'karim-massimov': { x: 920, y: -140 },
    'prosecutor-generals-office-of-kazakhstan': { x: 920, y: 160 },
    'dariga-nazarbayeva': { x: -360, y: -60 },
    'senate-of-kazakhstan': { x: -680, y: -60 },
    'timur-kulibayev': { x: -320, y: 260 },
    'atameken-union': { x: -640, y: 260 },
    'bolat-nazarbayev': { x: -60, y: 380 },
    'kairat-satybaldy': { x: 200, y: 360 },
    'kairat-boranbayev': { x: 400, y: 200 },
    kazakhstan: { x: 160, y: 660 },
  },
  canvas: { consolidation: { x: -700, y: -360 } },
  relationshipIds: [
    'succeeded--kassym-jomart-tokayev--nursultan-nazarbayev',
    'opposed--kassym-jomart-tokayev--nursultan-nazarbayev',
    'criticized--kassym-jomart-tokayev--nursultan-nazarbayev',
    'opposed--kazakhstan--nursultan-nazarbayev',
    'family-of--dariga-nazarbayeva--nursultan-nazarbayev',
    'family-of--bolat-nazarbayev--nursultan-nazarbayev',
    'family-of--nursultan-nazarbayev--timur-kulibayev',
    'family-of--kairat-satybaldy--nursultan-nazarbayev',
    'family-of--nursultan-nazarbayev--samat-abish',
    'family-of--kairat-boranbayev--nursultan-nazarbayev',
    'dismissed--kassym-jomart-tokayev--samat-abish',
    'holds-position--samat-abish--national-security-committee',
    'holds-position--karim-massimov--national-security-committee',
    'prosecuted--prosecutor-generals-office-of-kazakhstan--karim-massimov',
    'holds-position--dariga-nazarbayeva--senate-of-kazakhstan',
    'holds-position--timur-kulibayev--atameken-union',
    'prosecuted--kazakhstan--bolat-nazarbayev',
    'prosecuted--kazakhstan--kairat-boranbayev',
    'prosecuted--kazakhstan--kairat-satybaldy',
  ],
  annotations: [
    // crs-political-reforms-kazakhstan, cited by opposed--kassym-jomart-tokayev--nursultan-nazarbayev (quoted; link markup dropped).
    {
      id: 'consolidation',
      target: 'CANVAS',
      text: '“In the aftermath of the January unrest, President Tokayev consolidated power, removing Nazarbayev associates and family members from positions of authority.” — Congressional Research Service',
    },
    // crs-political-reforms-kazakhstan, cited by the same relationship (quoted).
    {
      id: 'reforms',
      target: 'EDGE',
      targetId: 'opposed--kassym-jomart-tokayev--nursultan-nazarbayev',
      text: '“Reforms introduced by Tokayev are restructuring Kazakhstan\'s political system and annulling the privileged position of former President Nursultan Nazarbayev, who held office for nearly three decades.” — CRS',
    },
    // ecfr-steppe-change, cited by prosecuted--prosecutor-generals-office-of-kazakhstan--karim-massimov (close paraphrase).
    {
      id: 'massimov',
      target: 'EDGE',
      targetId: 'prosecuted--prosecutor-generals-office-of-kazakhstan--karim-massimov',
      text: 'The former KNB chief was detained on 8 January 2022 on charges of high treason; his trial began behind closed doors on 18 November 2022. — ECFR',
    },
    // ecfr-steppe-change, cited by dismissed--kassym-jomart-tokayev--samat-abish (close paraphrase).
    {
      id: 'abish',
      target: 'EDGE',
      targetId: 'dismissed--kassym-jomart-tokayev--samat-abish',
      text: 'Nazarbayev’s nephew was dismissed from his post as second-in-command of the KNB. — ECFR',
    },
    // ecfr-steppe-change, cited by holds-position--dariga-nazarbayeva--senate-of-kazakhstan (close paraphrase).
    {
      id: 'dariga',
      target: 'NODE',
      targetId: 'dariga-nazarbayeva',
      text: 'Nazarbayev’s eldest daughter left her seat as a senator. — ECFR',
    },
    // ecfr-steppe-change, cited by holds-position--timur-kulibayev--atameken-union (close paraphrase).
    {
      id: 'kulibayev',
      target: 'NODE',
      targetId: 'timur-kulibayev',
      text: 'The son-in-law stepped down as president of the Atameken Union, the national entrepreneurs’ organisation. — ECFR',
    },
    // ecfr-steppe-change, cited by prosecuted--kazakhstan--kairat-satybaldy (close paraphrase).
    {
      id: 'satybaldy',
      target: 'EDGE',
      targetId: 'prosecuted--kazakhstan--kairat-satybaldy',
      text: 'A nephew, sentenced in September 2022 to six years in prison for embezzlement at the expense of the telephone operator Kazakhtelecom. — ECFR',
    },
    // ecfr-steppe-change, cited by prosecuted--kazakhstan--kairat-boranbayev (close paraphrase).
    {
      id: 'boranbayev',
      target: 'EDGE',
      targetId: 'prosecuted--kazakhstan--kairat-boranbayev',
      text: 'A businessman whose daughter married a grandson of Nazarbayev; detained in March 2022 and prosecuted for suspected embezzlement. — ECFR',
    },
    // ecfr-steppe-change, cited by prosecuted--kazakhstan--bolat-nazarbayev (close paraphrase).
    {
      id: 'bolat',
      target: 'EDGE',
      targetId: 'prosecuted--kazakhstan--bolat-nazarbayev',
      text: 'An investigation was opened into suspected extortion by Nazarbayev’s brother. — ECFR',
    },
  ],
};

const FOREIGN_PARTNERS: ExampleMap = {
  id: 'kazakhstans-foreign-partners',
  title: 'Kazakhstan’s foreign partners',
  description:
    'The states and blocs Kazakhstan is allied with, cooperates with, belongs to, is supported by or receives investment from, and Ukraine, which it has given humanitarian aid, as the sources describe them around 2022: only Russia is called an ally; after the invasion of Ukraine Astana kept its relationship with Moscow while diversifying its partnerships.',
  relationshipIds: [
    'allied-with--kazakhstan--russia',
    'supported--russia--kazakhstan',
    'member-of--kazakhstan--collective-security-treaty-organization',
    'member-of--kazakhstan--eurasian-economic-union',
    'cooperated-with--kazakhstan--russia',
    'cooperated-with--china--kazakhstan',
    'invested-in--china--kazakhstan',
    'cooperated-with--kazakhstan--united-states',
    'invested-in--united-states--kazakhstan',
    'supported--united-states--kazakhstan',
    'cooperated-with--european-union--kazakhstan',
    'invested-in--european-union--kazakhstan',
    'cooperated-with--european-union--kazakhstan--2',
    'cooperated-with--germany--kazakhstan',
    'cooperated-with--france--kazakhstan',
    'cooperated-with--kazakhstan--turkey',
    'cooperated-with--india--kazakhstan',
    'cooperated-with--iran--kazakhstan',
    'cooperated-with--kazakhstan--qatar',
    'cooperated-with--kazakhstan--saudi-arabia',
    'cooperated-with--kazakhstan--united-arab-emirates',
    'supported--kazakhstan--ukraine',
  ],
  // Kazakhstan at the centre, partners around it roughly by compass bearing (Russia north, China east, Europe
  // west, Turkey, Iran and the Gulf south), far enough out that notes on the partners sit clear of the centre.
  place: bearings({ x: 0, y: 0 }, 700, 'kazakhstan', {
    russia: 270,
    'collective-security-treaty-organization': 298,
    'eurasian-economic-union': 242,
    china: 340,
    india: 0,
    'united-arab-emirates': 20,
    'saudi-arabia': 42,
    qatar: 64,
    iran: 90,
    turkey: 115,
    'united-states': 140,
    germany: 160,
    'european-union': 180,
    france: 200,
    ukraine: 220,
  }),
  canvas: { balance: { x: -1100, y: -760 }, gulf: { x: 760, y: 520 } },
  annotations: [
    // csm-kazakh-gorbachev, cited by cooperated-with--kazakhstan--russia (quoted).
    {
      id: 'balance',
      target: 'CANVAS',
      text: '“While Astana cannot sever its ties with Moscow, it now has an opportunity to engage more broadly with the world.” — Christian Science Monitor',
    },
    // ecfr-steppe-change, cited by allied-with--kazakhstan--russia and cooperated-with--kazakhstan--russia (close paraphrase of one excerpt of each).
    {
      id: 'russia',
      target: 'NODE',
      targetId: 'russia',
      text: 'One of Moscow’s closest and most reliable allies since the collapse of the Soviet Union; 80 per cent of Kazakhstan’s oil exports transit the Russian pipeline system. — ECFR',
    },
    // ecfr-steppe-change, cited by invested-in--european-union--kazakhstan (close paraphrase).
    {
      id: 'eu-investment',
      target: 'NODE',
      targetId: 'european-union',
      text: 'The EU is the largest foreign investor in Kazakhstan, accounting for almost half of its total foreign direct investment. — ECFR',
    },
    // eurasian-times-neighborhood-trouble, cited by invested-in--china--kazakhstan (quoted).
    {
      id: 'china-investment',
      target: 'NODE',
      targetId: 'china',
      text: '“China has invested around $20 billion into the Kazakh economy since 1991, reflecting its position among Kazakhstan’s top five foreign investors.” — EurAsian Times',
    },
    // eurasian-times-neighborhood-trouble, cited by invested-in--united-states--kazakhstan (quoted).
    {
      id: 'us-investment',
      target: 'NODE',
      targetId: 'united-states',
      text: '“The United States is one of the largest investors in the Kazakh economy, with a direct investment inflow of about US$1.9 billion in the first quarter of 2022 — nearly twice as much as the same period in 2021,” said a commentator. — EurAsian Times',
    },
    // ecfr-steppe-change, cited by cooperated-with--kazakhstan--turkey (close paraphrase).
    {
      id: 'turkey',
      target: 'NODE',
      targetId: 'turkey',
      text: 'Tokayev agreed on far-reaching security and military-industrial cooperation with Turkey, including production of Turkish drones in Kazakhstan and intelligence-sharing. — ECFR',
    },
    // ecfr-steppe-change, cited by the three Gulf partnerships (first sentence quoted, second closely paraphrased).
    {
      id: 'gulf',
      target: 'CANVAS',
      text: '“Tokayev visited Qatar in June 2022, Saudi Arabia in July 2022, and the United Arab Emirates in January 2023.” The trips were opportunities to discuss investment and infrastructure projects to reduce Kazakhstan’s dependency on Russia. — ECFR',
    },
    // crs-political-reforms-kazakhstan, cited by member-of--kazakhstan--collective-security-treaty-organization (quoted).
    {
      id: 'csto',
      target: 'NODE',
      targetId: 'collective-security-treaty-organization',
      text: '“…the Collective Security Treaty Organization (CSTO), a Russia-led security alliance to which Kazakhstan belongs.” — CRS',
    },
    // crs-political-reforms-kazakhstan, cited by supported--kazakhstan--ukraine (quoted; link markup dropped).
    {
      id: 'ukraine',
      target: 'NODE',
      targetId: 'ukraine',
      text: '“Astana has repeatedly expressed support for Ukraine’s territorial integrity and provided humanitarian aid.” — CRS',
    },
  ],
};

const EXAMPLES = [NAZARBAYEV_CIRCLE, FOREIGN_PARTNERS];

/** Runs fcose on the map's graph with Math.random seeded (fcose draws from it), returning rounded positions. */
function layout(actorIds: string[], rels: Relationship[]): Map<string, { x: number; y: number }> {
  const random = seededRandom(SEED);
  const original = Math.random;
  Math.random = random;
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [
        ...actorIds.map((id) => ({ data: { id }, position: { x: random() * 400, y: random() * 400 } })),
        ...rels.map((r) => ({ data: { id: r.id, source: r.source, target: r.target } })),
      ],
      style: [{ selector: 'node', style: { width: 40, height: 40 } }],
    });
    cy.layout({
      name: 'fcose',
      quality: 'proof',
      randomize: true,
      animate: false,
      nodeSeparation: 140,
      nodeRepulsion: () => 30000,
      idealEdgeLength: () => 170,
      edgeElasticity: () => 0.35,
      gravity: 0.25,
      numIter: 2500,
      tile: true,
      packComponents: false,
    } as cytoscape.LayoutOptions).run();
    const out = new Map<string, { x: number; y: number }>();
    cy.nodes().forEach((n) => {
      const p = n.position();
      out.set(n.id(), { x: Math.round(p.x), y: Math.round(p.y) });
    });
    return out;
  } finally {
    Math.random = original;
  }
}

/** Each actor `radius` from `centre` at its angle in degrees (0 = right, 90 = down: screen coordinates); `centreId` at the centre. */
function bearings(centre: { x: number; y: number }, radius: number, centreId: string, angles: Record<string, number>): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = { [centreId]: centre };
  for (const [id, deg] of Object.entries(angles)) {
    const a = (deg * Math.PI) / 180;
    out[id] = { x: Math.round(centre.x + radius * Math.cos(a)), y: Math.round(centre.y + radius * Math.sin(a)) };
  }
  return out;
}

function buildExample(example: ExampleMap, actors: Map<string, Actor>, rels: Map<string, Relationship>): CuratedMap {
  const chosen = example.relationshipIds.map((id) => {
    const r = rels.get(id);
    if (!r) throw new Error(`${example.id}: no relationship "${id}" in the dataset`);
    return r;
  });
  const actorIds = [...new Set(chosen.flatMap((r) => [r.source, r.target]))];
  const positions = layout(actorIds, chosen);
  for (const [id, p] of Object.entries(example.place ?? {})) positions.set(id, p);
  const annotations = (example.annotations ?? []).map((a) => (a.target === 'CANVAS' ? { ...a, ...example.canvas?.[a.id] } : a));
  return buildMap(
    {
      id: example.id,
      title: example.title,
      description: example.description,
      asOf: example.asOf,
      nodes: actorIds.map((id) => ({ actorId: id, ...positions.get(id)! })),
      relationshipIds: example.relationshipIds,
      annotations,
    },
    { actor: (id) => actors.get(id), relationship: (id) => rels.get(id), map: () => undefined, now: SAVED_AT },
  );
}

runCli('make-example-maps', async () => {
  const { values } = parseArgs({ options: { dataset: { type: 'string', default: 'data' } } });
  const dir = path.resolve(values.dataset!);
  const data = await readDatasetDir(dir);
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const rels = new Map(data.relationships.map((r) => [r.id, r]));
  const maps = EXAMPLES.map((e) => buildExample(e, actors, rels));
  await fs.writeFile(path.join(dir, MAPS_FILE), toJsonLines(maps), 'utf8');
  for (const m of maps) console.log(`${m.id}: ${m.nodes.length} actors, ${m.edges.length} relationships, ${m.annotations.length} notes`);
});
