/**
 * Classical repertoire for the demo catalog's classical albums. The composers are historical (long
 * in the public domain) because a classical shelf of invented composers would not be believable;
 * the performers on these albums are invented like everyone else in the catalog.
 */
import { oneOf, table } from './rows';

export type ClassicalComposer = { name: string; bio: string };

export type ClassicalWork = {
  composer: string;
  /** Album title, e.g. "Nocturnes". */
  work: string;
  /** Track title stem, numbered on the tracklist ("Nocturne No. 3"). */
  piece: string;
  performer: (typeof PERFORMERS)[number];
};

export const CLASSICAL_COMPOSERS: readonly ClassicalComposer[] = [
  { name: 'Johann Sebastian Bach', bio: 'German composer and organist of the Baroque era (1685–1750).' },
  {
    name: 'Ludwig van Beethoven',
    bio: 'German composer and pianist (1770–1827), a bridge between the Classical and Romantic eras.',
  },
  { name: 'Frédéric Chopin', bio: 'Polish composer and pianist of the Romantic era (1810–1849).' },
  { name: 'Erik Satie', bio: 'French composer and pianist (1866–1925), a forerunner of minimalism.' },
  { name: 'Claude Debussy', bio: 'French composer (1862–1918), a central figure of musical Impressionism.' },
  { name: 'Franz Schubert', bio: 'Austrian composer (1797–1828) of songs, symphonies and chamber music.' },
  { name: 'Antonio Vivaldi', bio: 'Italian Baroque composer and violinist (1678–1741).' },
  {
    name: 'Felix Mendelssohn',
    bio: 'German composer, pianist and conductor of the early Romantic period (1809–1847).',
  },
  { name: 'Johannes Brahms', bio: 'German composer and pianist of the Romantic period (1833–1897).' },
  {
    name: 'Joseph Haydn',
    bio: 'Austrian composer of the Classical period (1732–1809), "father of the string quartet".',
  },
];

const PERFORMERS = ['piano', 'cello', 'violin', 'quartet', 'orchestra'] as const;

/** A row a work: composer | album title | track title stem | who plays it. */
export const CLASSICAL_WORKS: readonly ClassicalWork[] = table(`
  Frédéric Chopin | Nocturnes | Nocturne | piano
  Johann Sebastian Bach | The Cello Suites | Suite | cello
  Ludwig van Beethoven | Piano Sonatas | Sonata | piano
  Erik Satie | Gymnopédies & Gnossiennes | Gymnopédie | piano
  Claude Debussy | Préludes | Prélude | piano
  Franz Schubert | Impromptus | Impromptu | piano
  Antonio Vivaldi | Violin Concertos | Concerto | violin
  Felix Mendelssohn | Songs Without Words | Song Without Words | piano
  Johannes Brahms | Symphonies | Symphony | orchestra
  Joseph Haydn | String Quartets | Quartet | quartet
  Ludwig van Beethoven | The Late String Quartets | Quartet | quartet
  Johann Sebastian Bach | Goldberg Variations | Variation | piano
`).map(([composer, work, piece, performer]) => ({
  composer: composer!,
  work: work!,
  piece: piece!,
  performer: oneOf(performer, PERFORMERS),
}));

/** Invented ensembles; soloists are generated from the name lists. */
export const CLASSICAL_ENSEMBLES: Readonly<Record<'quartet' | 'orchestra', readonly string[]>> = {
  quartet: ['The Aldwych String Quartet', 'Quartetto Lumière'],
  orchestra: ['Orchestra of the Northern Coast', 'The Kestrel Chamber Orchestra'],
};
