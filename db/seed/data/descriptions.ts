/**
 * Sentence banks for product descriptions. A description is an opener, one or two sentences about
 * the genre or story, and sometimes a closer: two to four sentences. Placeholders in braces
 * ({title}, {artist}, {year}, {label}, {ordinal}, {director}, {studio}, {writer}, {episodes},
 * {developer}, {publisher}) are filled in by the generator; a template whose placeholder is
 * unknown for a product is skipped.
 */

/** Sentences per genre; `K` names the genres that are certain to be there (the fallbacks). */
type GenreLines<K extends string> = Readonly<Record<string, readonly string[]> & Record<K, readonly string[]>>;

export const ALBUM_OPENERS: readonly string[] = [
  '{title} is the {ordinal} album by {artist}, released on {label} in {year}.',
  'Released in {year}, {title} caught {artist} at a turning point.',
  '{artist} recorded {title} in a few restless weeks in {year}, and it still sounds like nothing else they made.',
  'On {title}, {artist} took their sound somewhere new.',
  'First issued by {label} in {year}, {title} has become a favourite of crate-diggers and casual listeners alike.',
  '{title} was the record that turned {artist} from a local secret into a name.',
];

export const ALBUM_GENRE_LINES: GenreLines<'pop' | 'soundtrack'> = {
  rock: [
    'Big, ringing guitars sit beside quieter late-night songs, and the rhythm section never lets go.',
    'It is a loud, generous record, built for car stereos and small, sweaty rooms.',
    'Three chords, a great deal of feedback and choruses you can shout along to.',
  ],
  pop: [
    'Every chorus lands, but the arrangements hide more detail than a first listen suggests.',
    'Bright synths, handclaps and a voice that sounds like it is smiling.',
    'Eleven songs, eleven possible singles, not a second wasted.',
  ],
  jazz: [
    'The quartet plays with an unhurried swing, leaving plenty of room for long, lyrical solos.',
    'Recorded live to two-track, it captures the hush and clink of a late set.',
    'Brushed drums, walking bass and a tenor saxophone that takes its time.',
  ],
  classical: [
    'The playing is clear and unhurried, with a warmth that suits the intimate acoustic of the hall.',
    'A recording that favours line and colour over display, and rewards close listening.',
    'Tempos are bold, textures transparent, and the quiet passages are breathtaking.',
  ],
  electronic: [
    'Pulsing analogue sequences and warm pads drift between the dance floor and the headphones.',
    'Its drum machines and arpeggios still sound like the future someone imagined at night.',
    'Built from modular synthesizers and tape loops, it glows like a city seen from a night train.',
  ],
  'hip-hop': [
    'Dusty samples and sharp, conversational verses paint a neighbourhood in vivid detail.',
    'The beats are lean and the storytelling is patient, funny and unsparing.',
    'Jazz loops, boom-bap drums and guest verses that steal the show.',
  ],
  'soul-rnb': [
    'Horns, strings and a voice full of gospel turn ordinary heartbreak into something grand.',
    'The grooves are slow and deep, made for late evenings and long drives.',
    'Silky harmonies glide over a rhythm section that never stops moving.',
  ],
  folk: [
    'Acoustic guitars, fiddle and close harmonies carry songs about weather, work and home.',
    'Intimate and unadorned, it sounds as if it was recorded in a kitchen after dark.',
    'Old tunes and new ones sit side by side, and it is hard to tell which is which.',
  ],
  metal: [
    'Down-tuned riffs and thunderous drums give way to surprisingly melodic choruses.',
    'Relentless and precise, it is as heavy as anything put to tape that year.',
    'Twin guitar leads, galloping rhythms and a singer who can shatter glass.',
  ],
  blues: [
    'Slide guitar, harmonica and a voice worn smooth by the road.',
    'Raw, live-sounding and full of swagger, it was cut in two nights.',
    'Twelve bars at a time, it tells of floods, trains and bad luck in love.',
  ],
  country: [
    'Pedal steel and plain-spoken lyrics tell stories of small towns and long highways.',
    'Honky-tonk shuffles sit beside ballads that could soften the hardest heart.',
    'Fiddles, twang and a wry sense of humour keep it from ever getting maudlin.',
  ],
  reggae: [
    'Deep basslines and skanking guitars carry songs of protest and celebration.',
    'Warm, spacious dub mixes let every echo breathe.',
  ],
  ambient: [
    'Long, slowly changing tones make a space to think, read or sleep in.',
    'Field recordings and soft synthesizers blur into a gentle, weather-like drift.',
  ],
  soundtrack: [
    'The score moves from hushed piano themes to full orchestral swells.',
    'Heard away from the pictures, the music tells its own story.',
  ],
  'c-pop': [
    'Mandopop ballads and breezy mid-tempo songs, sung with warmth and restraint.',
    'Its melodies became karaoke staples from Taipei to Shanghai.',
  ],
  'j-pop': [
    'Sparkling production and big, bittersweet choruses made it a fixture of Tokyo radio.',
    'Guitar pop, synths and strings collide in a rush of melody.',
  ],
  'k-pop': [
    'Glossy, hook-laden and precisely produced, every song is built around an unforgettable chorus.',
    'Trap beats, synth-pop and soaring harmonies trade places track by track.',
  ],
  'city-pop': [
    'Slick session playing, sunlit synths and a groove borrowed from American soft rock.',
    'It is the sound of a Tokyo night drive in the neon-lit boom years.',
  ],
  world: [
    'Hand drums, kora and brass weave together in joyous, looping grooves.',
    'Traditional melodies meet modern production without losing their roots.',
  ],
};

export const ALBUM_CLOSERS: readonly string[] = [
  'This edition is newly remastered from the original tapes.',
  'Includes a booklet with lyrics and previously unseen photographs.',
  'The vinyl is cut from the original analogue masters.',
  'Still one of the most requested records in the shop.',
  'A perfect place to start with {artist}.',
];

export const SCREEN_LOGLINES: GenreLines<'drama'> = {
  drama: [
    'A retired ferry captain returns to his island to settle his late brother’s debts, and finds a family he never knew he had.',
    'Two sisters inherit a failing vineyard and one last summer to decide whether to save it.',
    'A piano teacher in a small mining town takes on a pupil whose talent threatens to tear her family apart.',
    'After twenty years abroad, a translator comes home to care for the father who never forgave her for leaving.',
  ],
  comedy: [
    'A mild-mannered accountant is mistaken for the new mayor and decides not to correct anyone.',
    'Eleven relatives, one holiday cottage and a will that nobody has read yet.',
    'Two rival wedding bands are booked for the same reception and refuse to back down.',
    'A food critic who has lost his sense of taste bluffs his way through the biggest review of his career.',
  ],
  thriller: [
    'A night clerk at a quiet hotel overhears a phone call she was never meant to hear.',
    'An insurance investigator realises the accident she is examining was rehearsed.',
    'A courier carrying an unmarked case has twelve hours to find out who wants it, and why.',
    'A journalist chasing a story about a missing accountant becomes the next name on the list.',
  ],
  'science-fiction': [
    'The crew of a deep-space freighter wakes from cryosleep to find their ship forty years off course.',
    'On a colony world where memories can be traded, a dealer discovers a memory that is not hers.',
    'An engineer on a failing orbital station must choose who boards the last shuttle home.',
    'A signal from beyond the solar system turns out to be a recording of humanity’s own future.',
  ],
  horror: [
    'A family moves into a farmhouse where the walls hum every night at 3:13.',
    'Campers on a remote lake find the water far deeper, and far busier, than the map suggests.',
    'A night-shift nurse notices that the patients in room thirteen never seem to sleep.',
  ],
  animation: [
    'A paper fox escapes from a children’s book and must find its way home before the last page turns.',
    'A clockwork sparrow sets out across a winter city to find the girl who wound it.',
    'A shy balloon seller discovers her balloons can carry wishes to the moon.',
  ],
  documentary: [
    'Inside the last record-pressing plant in the valley, a small crew keeps an old craft alive.',
    'A year on a remote island where a handful of scientists count seabirds and weather storms.',
    'Projectionists, ushers and regulars remember sixty years of a small-town cinema.',
  ],
  romance: [
    'Two strangers keep getting each other’s letters at a seaside guesthouse.',
    'A florist and a jazz pianist fall for each other over one rainy summer in Lisbon.',
    'Twenty years after a promise made on a lighthouse balcony, two old friends meet again.',
  ],
  action: [
    'A disgraced convoy driver gets one last job: cross the border with a cargo that everyone wants.',
    'When a bridge is taken hostage at rush hour, an off-duty engineer is the only one who knows its secrets.',
    'A retired stunt rider is pulled back in to rescue her brother from a street-racing syndicate.',
  ],
  crime: [
    'A crew of ageing dockworkers plans one last heist on the night the harbour closes for good.',
    'A getaway driver with a perfect record is hired for a job that is not what it seems.',
    'A counterfeiter and the detective chasing him discover they share a secret.',
  ],
  fantasy: [
    'A blacksmith’s apprentice forges a sword that remembers everyone it has ever cut.',
    'When the storm-keeper of a mountain kingdom vanishes, a stable girl must take up her staff.',
    'A young mapmaker discovers that the roads she draws appear overnight.',
  ],
  western: [
    'A widow rides into a lawless mining town to find the men who burned her ranch.',
    'An ageing stagecoach driver makes one last run across rattlesnake country.',
    'Two brothers on opposite sides of the law meet again at a dried-up creek.',
  ],
  'martial-arts': [
    'A wandering swordsman returns to the temple that cast him out, to defend it from bandits.',
    'A tea-house waitress hides a fighting style that the most feared clan in the province wants destroyed.',
  ],
  anime: [
    'In a seaside town where the trains run on starlight, a girl befriends the last conductor.',
    'A boy who can hear the voices of old machines is recruited to pilot a forgotten giant.',
    'A lonely cat guards a lighthouse, and the spirits of the sea come to visit every summer.',
  ],
};

export const FILM_MIDDLES: readonly string[] = [
  '{director} directs with patience and a sharp eye for small gestures.',
  'Directed by {director}, it is by turns funny, tense and quietly devastating.',
  '{director} keeps the tension tight and the performances grounded.',
  'Released by {studio}, it has only grown in reputation since {year}.',
  'Shot on location, it looks and sounds as good as it did in cinemas in {year}.',
];

export const SERIES_MIDDLES: readonly string[] = [
  'Created by {writer}, the season unfolds over {episodes} gripping episodes.',
  'Across {episodes} episodes, {writer}’s scripts balance humour and heartbreak.',
  'Written by {writer}, it became one of the most talked-about shows of {year}.',
];

export const SCREEN_CLOSERS_CLASSIC: readonly string[] = [
  'Presented in a new restoration from the original camera negative.',
  'This edition includes the original mono soundtrack alongside a new stereo mix.',
];

export const SCREEN_CLOSERS: readonly string[] = [
  'Includes a commentary by {director} and a behind-the-scenes featurette.',
  'Extras include deleted scenes, a making-of documentary and the original trailer.',
  'Includes a collectible booklet with a new essay on the film.',
];

export const SERIES_CLOSERS: readonly string[] = [
  'The box set includes every episode of the season plus cast interviews.',
  'Extras include audio commentaries on selected episodes and a gag reel.',
];

export const GAME_PREMISES: GenreLines<'rpg'> = {
  rpg: [
    'Lead a band of unlikely heroes across a shattered continent to restore the ninth moon.',
    'Forge alliances, break oaths and shape the fate of a kingdom in a sprawling fantasy epic.',
    'An exiled cartographer maps a world that rewrites itself every night.',
  ],
  'action-adventure': [
    'Explore sunken temples, solve ancient puzzles and outwit the guardians that sleep below.',
    'A lone ranger crosses a vast wilderness to track down the beast that took her village.',
    'Climb, glide and fight your way to the top of a city built on the back of a sleeping giant.',
  ],
  platformer: [
    'Run, jump and double-jump through a kingdom folded out of paper.',
    'Help a tiny sprout bounce across floating islands to bring spring back to the world.',
  ],
  strategy: [
    'Command fleets, manage supply lines and outmanoeuvre rival admirals across a hex-based galaxy.',
    'Build an empire from a single harbour town and defend it through the ages.',
  ],
  puzzle: [
    'Untangle knots of light to guide lost ships home to a quiet lighthouse.',
    'Fold, rotate and slide the pieces of a garden until everything finally fits.',
  ],
  racing: [
    'Tear along coastal roads, desert dunes and neon city streets in over sixty licensed-looking cars.',
    'Master the art of the drift across twenty hand-crafted mountain circuits.',
  ],
  sports: [
    'Take your club from the lower leagues to the championship in a deep, friendly management game.',
    'Tee off on thirty championship courses with realistic physics and changing weather.',
  ],
  shooter: [
    'Hold the line with your squadron in tense, tactical first-person battles.',
    'A lone operative infiltrates an orbital outpost in a fast, stylish shooter.',
  ],
  simulation: [
    'Run a busy harbour: schedule ships, manage cranes and keep the cargo moving.',
    'Grow crops, raise animals and rebuild a sleepy farmstead through the seasons.',
  ],
  fighting: [
    'Twenty fighters, each with their own style, clash in a tournament for the iron belt.',
    'Giant monsters trade blows across a collapsing city in a gleeful arcade brawler.',
  ],
};

export const GAME_MIDDLES: readonly string[] = [
  'Developed by {developer}, it rewards careful play without ever feeling punishing.',
  '{developer} packs it with secrets, side quests and a soundtrack worth listening to on its own.',
  'Published by {publisher}, it picked up a devoted following on release.',
  'Local co-op and online play let you share the adventure with friends.',
];

export const GAME_CLOSERS: readonly string[] = [
  'This edition includes all released downloadable content.',
  'Supports 4K output and fast loading on current consoles.',
  'Includes a printed map and a code for the digital soundtrack.',
];
