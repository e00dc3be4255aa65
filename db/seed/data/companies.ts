/**
 * Fictional record labels, film studios, game developers and publishers. `code` is the prefix of
 * the catalogue numbers the company prints on its releases ("LFR-0423").
 */

export type Company = { name: string; code: string };

export const RECORD_LABELS: readonly Company[] = [
  { name: 'Lanternfish Records', code: 'LFR' },
  { name: 'Cobalt Sound', code: 'CBS' },
  { name: 'Harbourlight Music', code: 'HLM' },
  { name: 'Red Kite Recordings', code: 'RKR' },
  { name: 'Sable & Stone', code: 'SAS' },
  { name: 'Tidewater Records', code: 'TWR' },
  { name: 'Quiet Hours', code: 'QHR' },
  { name: 'Paper Moon Records', code: 'PMR' },
  { name: 'Granite Music Group', code: 'GMG' },
  { name: 'Blue Heron Jazz', code: 'BHJ' },
  { name: 'Overcast Audio', code: 'OCA' },
  { name: 'Saltmarsh Records', code: 'SMR' },
  { name: 'Orbit Lane', code: 'OBL' },
  { name: 'Foundry Street Records', code: 'FSR' },
  { name: 'Kestrel Classics', code: 'KCL' },
  { name: 'Velour Sound Co.', code: 'VSC' },
  { name: 'Low Country Music', code: 'LCM' },
  { name: 'Black Pier Records', code: 'BPR' },
];

/** Labels for the Chinese, Japanese and Korean releases. */
export const CJK_LABELS: Readonly<Record<'zh' | 'ja' | 'ko', readonly Company[]>> = {
  zh: [
    { name: 'Jade Pavilion Music', code: 'JPM' },
    { name: 'Silk Road Sound', code: 'SRS' },
  ],
  ja: [
    { name: 'Sakura Wave Records', code: 'SWR' },
    { name: 'Tokyo Pier Music', code: 'TPM' },
  ],
  ko: [
    { name: 'Hanbit Entertainment', code: 'HBE' },
    { name: 'Seoul Bloom Music', code: 'SBM' },
  ],
};

export const FILM_STUDIOS: readonly Company[] = [
  { name: 'Northlight Pictures', code: 'NLP' },
  { name: 'Silver Birch Films', code: 'SBF' },
  { name: 'Meridian Pictures', code: 'MRP' },
  { name: 'Old Quarry Studios', code: 'OQS' },
  { name: 'Tallgrass Films', code: 'TGF' },
  { name: 'Kestrel Entertainment', code: 'KEN' },
  { name: 'Lantern House Pictures', code: 'LHP' },
  { name: 'Brightwater Studios', code: 'BWS' },
  { name: 'Crosswind Films', code: 'CWF' },
  { name: 'Eighth Street Pictures', code: 'ESP' },
  { name: 'Marigold Media', code: 'MRG' },
  { name: 'Stonebridge Releasing', code: 'SBR' },
];

export const CJK_STUDIOS: Readonly<Record<'zh' | 'ja' | 'ko', readonly Company[]>> = {
  zh: [
    { name: 'Golden Crane Pictures', code: 'GCP' },
    { name: 'Eastern Horizon Films', code: 'EHF' },
  ],
  ja: [
    { name: 'Kumo Studio', code: 'KMS' },
    { name: 'Hikari Films', code: 'HKF' },
  ],
  ko: [
    { name: 'Namsan Pictures', code: 'NSP' },
    { name: 'Blue Tiger Studios', code: 'BTG' },
  ],
};

/** Game developers (credited with role "developer"). */
export const GAME_DEVELOPERS: readonly string[] = [
  'Blue Comet Studio',
  'Ironwood Games',
  'Pixel Harbor',
  'Moonmoth Interactive',
  'Foxglove Games',
  'Redshift Works',
  'Tinderbox Studio',
  'Quarry Lane Games',
  'Lumen Forge',
  'Gearwhistle',
  'Northpaw Studio',
  'Clockwork Finch',
  'Starling Software',
  'Deep Current Games',
  'Hollow Oak',
  'Sunset Arcade',
  'Polygon Orchard',
  'Bitmeadow',
  'Mistral Games',
  'Cobblestone Studio',
  'Kitsune Works',
  'Hanbyeol Games',
  'Paper Lantern Games',
  'Wildcard Circuit',
  'Eight Bells',
  'Granite Peak Games',
  'Nimbus Labs',
  'Little Volcano',
  'Brassbound',
  'Tidal Lock Studio',
];

/** Game publishers (credited with role "publisher", and written in the product's `label`). */
export const GAME_PUBLISHERS: readonly Company[] = [
  { name: 'Halcyon Interactive', code: 'HAL' },
  { name: 'Vanguard Play', code: 'VGP' },
  { name: 'Aurora Games Publishing', code: 'AGP' },
  { name: 'Brightline Entertainment', code: 'BLE' },
  { name: 'Copperhead Digital', code: 'CHD' },
  { name: 'Sixth Wave', code: 'SXW' },
  { name: 'Tessellate Games', code: 'TSG' },
  { name: 'Paragon Arcade', code: 'PRA' },
  { name: 'Open Sky Interactive', code: 'OSI' },
  { name: 'Hoshizora Publishing', code: 'HSP' },
];
