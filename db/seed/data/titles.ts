/**
 * Title vocabulary for the demo catalog, per kind and genre. Curated titles are used first; when a
 * genre runs out (and for the large benchmark catalog) titles are built from the genre's word
 * lists. All titles are invented.
 */
import { lines } from './rows';

export type TitleBank = {
  /** Hand-written titles, used before any combination. */
  curated: readonly string[];
  adjectives: readonly string[];
  nouns: readonly string[];
};

/**
 * A genre's bank, written as text: its words on the first line (adjectives, a slash, nouns; each
 * comma-separated), then its curated titles, one a line.
 */
function bank(text: string): TitleBank {
  const [words = '', ...curated] = lines(text);
  const [adjectives = [], nouns = []] = words.split('/').map((part) => part.split(',').map((word) => word.trim()));
  return { curated, adjectives, nouns };
}

export const ALBUM_TITLES: Readonly<Record<string, TitleBank>> = {
  rock: bank(`
    Electric, Reckless, Burning, Restless, Broken, Wild, Iron, Loud, Faded / Highway, Thunder, Wire, Engine, Fever, Skyline, Motel, Static, Horizon, Avenue
    Highway Hymns
    Feedback Season
    Concrete Garden
    Rust Belt Radio
    Bottle Rockets
    Loud Weather
    The Long Way Down
    Skyline Fever
    Motel Stationery
    Heartland Static
    Gasoline Halo
    Four Chords and a Lie
    Amplifier Sunrise
    Borrowed Thunder
    Nobody Sleeps in Memphis
    Cheap Seats Forever
  `),
  pop: bank(`
    Sugar, Golden, Summer, Neon, Candy, Bright, Pastel, Shiny / Heartbeat, Daydream, Postcards, Glitter, Satellite, Parade, Crush, Weekend
    Sugar Satellite
    Postcards from Tomorrow
    Glitter & Gravel
    Heartbeat Hotel
    Daydream Machine
    Summer in Reverse
    Paper Hearts
    Glowstick Summer
    Technicolour Sunday
    All the Bright Places
    Bubblegum Cathedral
    Kiss & Tell
    Lemonade Skies
    Satellite Kisses
  `),
  jazz: bank(`
    Blue, Midnight, Smoky, Late, Velvet, Indigo, Cool, Sideways / Standards, Nocturne, Session, Avenue, Suite, Ballads, Conversations, Hours
    Live at the Copper Room
    Midnight at the Lantern Club
    Ballads for Late Trains
    Blue Avenue
    Smoke & Standards
    The Harbour Suite
    Four in the Morning
    Quartet for a Rainy City
    Nocturne in Brass
    Slow Dance on 52nd
    Indigo Hours
    Brushes and Brass
    Afternoon at the Blue Heron
  `),
  classical: bank(`
    Complete, Late, Early, Selected, Intimate, Collected / Sonatas, Preludes, Études, Partitas, Quartets, Nocturnes, Concertos, Variations
    Nocturnes
    The Cello Suites
    Piano Sonatas
    Goldberg Variations
    Gymnopédies
    Impromptus
    The Late String Quartets
    Preludes
    Violin Concertos
    Songs Without Words
    Clair de lune and Other Pieces
    The Four Seasons
    Symphony No. 7
    Lieder
  `),
  electronic: bank(`
    Neon, Digital, Synthetic, Analog, Chrome, Modular, Infrared, Binary / Pulse, Circuit, Grid, Signal, Frequency, Afterimage, Transmission, Orbit
    Afterimage
    Chrome Weather
    Signal to Noise
    Frequency Garden
    Night Bus Transmissions
    Pulse Width
    Analog Heart
    Glass Circuits
    Modular Dreams
    Low Earth Orbit
    Last Train Transmissions
    Data Rain
    Sodium Lights
    Subterranean Disco
  `),
  'hip-hop': bank(`
    Concrete, Golden, Late, Block, Basement, Uptown, Southside / Chronicles, Tapes, Blueprints, Cipher, Stories, Almanac, Diaries, Psalms
    Corner Store Philosophy
    Tapes from the Fourth Floor
    Blueprints & Bus Fare
    Concrete Psalms
    Late Checkout
    The Cipher Sessions
    Block Party Almanac
    Gold Teeth, Paper Plates
    Stories from the Stoop
    Basement Tapes Vol. 2
    Night Shift Diaries
  `),
  'soul-rnb': bank(`
    Sweet, Velvet, Slow, Honey, Soft, Golden, Warm / Groove, Devotion, Testimony, Heat, Harmony, Confessions, Serenade
    Sweet Devotion
    Slow Burn
    Honey on the Radio
    Testimony
    Velvet Groove
    Sunday Kind of Love Songs
    Heat Wave Harmony
    After Hours Confessions
    Soft Landing
    Gospel of the Late Show
    Warm Static
  `),
  folk: bank(`
    Quiet, Old, Wandering, Winter, Hollow, Northern, Homespun / Orchard, Hollow, Ballads, Lanterns, Meadow, Kitchen, Hymns, Harvest
    The Orchard Hollow
    Ballads for a Winter Kitchen
    Lanterns on the Meadow
    Songs from the Old Mill
    Wandering Weather
    Kettle & Candle
    The Ferryman Sings
    Hedgerow Hymns
    A House by the River
    Thistle and Rye
    Quiet Country Roads
  `),
  metal: bank(`
    Iron, Black, Molten, Savage, Eternal, Frozen, Burning / Throne, Abyss, Serpent, Storm, Ruin, Requiem, Citadel, Eclipse
    Obsidian Throne
    Serpent of the Abyss
    Molten Kingdoms
    Ruin Ascendant
    Iron Requiem
    The Black Tide Rises
    Storm of Knives
    Cathedral of Ash
    Forged in Winter
    Tyrant Moon
  `),
  blues: bank(`
    Muddy, Low, Lonesome, Midnight, Dusty, Rainy / Delta, Railroad, Shuffle, Moan, Levee, Sermon, Boogie
    Delta Railroad
    Crossroad Shuffle
    Lonesome Moan
    Juke Joint Saturday
    Muddy Water Mornings
    Low Down and Blue
    Levee Town
    Six-String Sermon
    Rent Party Blues
    Back Porch Thunder
  `),
  country: bank(`
    Dusty, Lonesome, Prairie, Backroad, Southern, Tumbleweed / Highway, Porch, Whiskey, Boots, Rodeo, Prairie, Jukebox, Fence Line
    Dust on the Dashboard
    Porch Light Promises
    Whiskey & Wildflowers
    Rodeo Heart
    Prairie Radio
    Boots by the Door
    Two-Lane Gospel
    Honky-Tonk Moonrise
    Gravel Road Lullabies
    Cottonwood County
  `),
  reggae: bank(`
    Island, Roots, Sunsplash, Conscious, Heavy / Riddim, Dub, Sound System, Rebellion, Harmony, Culture
    Island Riddim
    Roots & Culture
    Sound System Sunday
    Dub from the Hills
    Rebel Harmony
    Sunsplash Serenade
    Kingston Skyline
    One Love Frequency
  `),
  ambient: bank(`
    Slow, Pale, Drifting, Quiet, Distant, Soft / Fields, Weather, Tides, Horizons, Rooms, Glaciers, Light, Drones
    Fields in Slow Motion
    Pale Weather
    Music for Empty Rooms
    Glacier Drift
    Horizons, Unfolding
    Tidal Rooms
    Light Through Curtains
    Long Exposure
    Sleep Cycles
    Salt Flats
  `),
  soundtrack: bank(`
    Original, Imaginary, Cinematic / Themes, Score, Cues, Suites
    Music from the Lighthouse Trilogy
    Themes for Imaginary Films
    Score for a Silent Town
  `),
  world: bank(`
    Saharan, Andean, Monsoon, Coastal, Desert, Highland / Caravan, Market, Rhythms, Crossroads, Drums, Festival
    Caravan Rhythms
    Monsoon Market
    Andean Crossroads
    Songs of the Saharan Night
    Lagos to Lisbon
    The Silk Road Sessions
    Harbour Town Highlife
    Mountain Drums
  `),
  'c-pop': bank(`
    Jade, Silver, Rainy, Spring / Umbrella, Tea House, Letters, Kite
    Paper Umbrella
    Neon Tea House
    Letters to Taipei
    Wish on a Kite
  `),
  'j-pop': bank(`
    Pocket, Sparkling, Lucky, Pastel / Galaxy, Holiday, Signal, Romance
    Harajuku Holiday
    Vending Machine Romance
    Sakura Signal
    Pocket Galaxy
  `),
  'k-pop': bank(`
    Hyper, Crystal, Electric, Sweet / Light, Protocol, Runway, Kiss
    Hyperlight
    Crush Protocol
    Ribbon Runway
    Twelve O’Clock Kiss
  `),
  'city-pop': bank(`
    Midnight, Ocean, Sunset, Plastic / Resort, Highway, Boulevard, Palm Trees
    Ocean Side Resort
    Midnight Highway Love
    Sunset Boulevard Blue
    Plastic Palm Trees
  `),
};

export const SCREEN_TITLES: Readonly<Record<string, TitleBank>> = {
  drama: bank(`
    Quiet, Last, Long, Small, Borrowed, Hidden, Distant / Harvest, Inheritance, Letters, Season, Homecoming, Crossing, Promise, Shore
    The Quiet Year
    Letters to the Ferryman
    The Glasshouse
    The Understudy
    Harvest Moon Road
    A Winter Guest
    The Inheritance
    Small Hours
    The Tailor of Marsh Lane
    Saltwater
    What the River Knows
    The Last Summer at Larkspur
    Second Chair
    The Long Goodbye Hotel
    Orchard Lane
    The Weight of Snow
    Brother of the Tide
    The Bell Ringer’s Daughter
  `),
  comedy: bank(`
    Accidental, Great, Worst, Terrible, Lucky, Unexpected / Weekend, Wedding, Holiday, Dinner, Road Trip, Reunion, Neighbours
    Nine Bridesmaids
    The Accidental Mayor
    Two Weeks in Tuscany
    Uncle Bernard’s Boat
    Dinner for Eleven
    The Great Pudding Robbery
    Room Service
    Fake It Till Friday
    Everybody Loves Lorenzo
    The Worst Best Man
    Mind the Goat
    Motel Paradiso
  `),
  thriller: bank(`
    Cold, Blind, Silent, Hidden, Dead, Final / Witness, Alibi, Ledger, Protocol, Corner, Signal, Exit, Verdict
    Dead Reckoning Point
    The Night Clerk
    Blind Corner
    Cold Ledger
    The Seventh Witness
    Glass Alibi
    Pressure Line
    The Silent Partner
    Exit Interview
    Undertow
    Safe House Nine
    The Kestrel Protocol
  `),
  'science-fiction': bank(`
    Orbital, Synthetic, Red, Silent, Outer, Quantum, Deep / Colony, Horizon, Station, Frontier, Engine, Signal, Drift, Gate
    Orbital Drift
    Beyond the Heliopause
    The Last Colony
    Synthetic Dawn
    Starfield Seven
    The Memory Engine
    Red Horizon
    Parallax
    Glass Planet
    Echo Station
    Hyperion Gate
    The Long Sleep
  `),
  horror: bank(`
    Hollow, Black, Crawling, Pale, Rotten, Silent / House, Lake, Guest, Orchard, Cellar, Chapel, Woods
    The Hollow House
    Whisper Lake
    Do Not Open
    The Thirteenth Guest
    Nightcrawl
    Rot Below
    The Harvest Children
    Static in the Walls
    The Sleepwalking Hour
    Black Orchard
  `),
  animation: bank(`
    Little, Clockwork, Brave, Sleepy, Magic / Fox, Balloon, Kingdom, Sparrow, Parade, Lantern, Dragon
    The Paper Fox
    Pip and the Moon Balloon
    Kingdom of Crumbs
    The Clockwork Sparrow
    Sock Puppet Saturday
    Otto’s Big Parade
    The Snow Lanterns
    Maple and the Mountain
  `),
  documentary: bank(`
    Last, Long, Hidden, Secret, Wild / Table, Island, Road, Archive, Harvest, Frequency
    Vinyl Hearts
    The Last Projectionist
    Salt of the Earth Road
    Inside the Hive
    Pressing Matters: A Record Plant Story
    Nightingale Island
    The Long Table
    Signal Lost
  `),
  romance: bank(`
    Summer, Sweet, Endless, First, Last / Kiss, Waltz, Letters, Promise, Serenade, Romance
    Paris in the Rain
    Love in Letters
    The Lighthouse Kiss
    A Song for Juniper
    Summer at Alder Bay
    Two Tickets to Lisbon
    The Flower Shop on Vine
    Waltz for Two
  `),
  action: bank(`
    Iron, Zero, Hard, Full, Rapid, Rogue / Convoy, Strike, Target, Extraction, Pursuit, Breach
    Zero Hour
    Iron Convoy
    Strike Point
    Full Throttle Protocol
    The Handover
    Overdrive
    Steelfall Bridge
    Harbour Siege
    Breakneck
    Crossfire Avenue
  `),
  crime: bank(`
    Dirty, Crooked, Cold, Brass, Midnight / Job, Boulevard, Case, Racket, Getaway, Syndicate
    The Docklands Job
    Brass Knuckle Boulevard
    Cold Case Harbour
    The Counterfeiters
    Saints of Ninth Street
    The Getaway Driver
    Blood Money
    The Night Magistrate
  `),
  fantasy: bank(`
    Thorn, Silver, Enchanted, Lost, Elder / Crown, Realm, Tower, Sword, Keeper, Forest, Oath
    The Thorn Crown
    Realm of Ash and Ivy
    The Dragon’s Apprentice
    Moonwood
    The Sword in the Lake
    Keeper of Storms
    The Glass Tower
    Wyrmsong
  `),
  western: bank(`
    Dusty, High, Last, Lonesome, Red / Pass, Creek, Trail, Ranch, Mesa, Stagecoach
    Dust and Gunsmoke
    The Long Ride to Redwater
    High Plains Widow
    Rattlesnake Pass
    The Last Stagecoach
    Six Bullets for Sunday
    Copper Creek
  `),
  'martial-arts': bank(`
    Iron, Shadow, Golden, Silent / Monk, Temple, Duel, Crane, Fist
    Fist of the Iron Monk
    The Ninth Temple
    Shadow Crane Style
    The Bamboo Duel
  `),
  anime: bank(`
    Sky, Star, Summer, Mecha / Runners, Dawn, Festival, Academy
    Skyline Runners
    Mecha Dawn
    The Girl Who Caught Stars
    Summer Festival of Kumo Town
  `),
};

export const GAME_TITLES: Readonly<Record<string, TitleBank>> = {
  rpg: bank(`
    Ashen, Crystal, Ninth, Fallen, Eternal / Chronicles, Saga, Crown, Oath, Legends, Kingdoms
    Emberfall Chronicles
    Tales of the Ninth Moon
    The Ashen Crown
    Wayfarer’s Oath
    Echoes of Aether
    Crystal Lantern Saga
    Hollowmere
    Runebound Hearts
  `),
  'action-adventure': bank(`
    Sunken, Shadow, Wild, Lost, Skyward / Temple, Blade, Ranger, Odyssey, Expedition
    Shadow of the Sleeping Giant
    Ironveil
    The Sunken Temple
    Ravenhold
    Tombrunner
    Wildwood Ranger
    Skyward Blade
  `),
  platformer: bank(`
    Super, Bouncy, Tiny, Jumpy, Happy / Sprout, Planet, Kingdom, Hop, Island
    Pip and the Paper Kingdom
    Bouncy Bolt
    Mossling
    Super Sprout
    Gearhop
    Pogo Planet
    Tumble Town
  `),
  strategy: bank(`
    Iron, Grand, Total, Hex, Imperial / Tactics, Dominion, Empire, Council, Frontier, Command
    Empire of Sails
    Commanders of the Rift
    Iron Meridian
    Frontier Council
    Hex Dominion
    Siegeworks
  `),
  puzzle: bank(`
    Quiet, Tiny, Folded, Hidden / Knots, Garden, Puzzle, Lighthouse, Maze
    Lumen Knots
    The Quiet Lighthouse
    Tangram Garden
    Clockwise Cathedral
    Fold
    Pipe Dreams Deluxe
  `),
  racing: bank(`
    Apex, Turbo, Redline, Nitro, Coastline / Rally, Drift, Circuit, Derby, Grand Prix
    Apex Drift
    Coastline Rally
    Turbo Nights
    Redline Circuit
    Dune Buggy Derby
  `),
  sports: bank(`
    Pro, Big, Ultimate, Legendary / Tour, Legends, Manager, League, Cup
    Fairway Pro Tour
    Courtside Legends
    Pitchside Manager
    Big Air Snowboarding
    Home Run Heroes
  `),
  shooter: bank(`
    Iron, Hollow, Zero, Night, Black / Protocol, Squadron, Front, Sight, Outpost
    Steelsight
    Zero Hour Protocol
    Vanguard Down
    Nightfall Squadron
    Hollow Point Zero
  `),
  simulation: bank(`
    Little, Grand, Cozy, Busy / Farmstead, Harbour, Bakery, Railway, Town
    Harbour Master
    Farmstead Seasons
    Sky Freight Simulator
    Little Bakery Story
    Rail Baron Deluxe
  `),
  fighting: bank(`
    Steel, Iron, Thunder, Savage / Brawl, Knockout, Ring, Showdown, Rumble
    Fist of the Typhoon
    Tekko Brawl
    Steel Ring Legends
    Kaiju Knockout
  `),
};

/** Words for track titles, combined as "Adjective Noun", "The Noun", "Noun in the Noun"… */
export const TRACK_ADJECTIVES: readonly string[] = lines(`
  Slow
  Golden
  Paper
  Electric
  Quiet
  Blue
  Northern
  Late
  Silver
  Broken
  Lonely
  Kitchen
  Midnight
  Winter
  Sunday
  Open
  Borrowed
  Tender
  Hollow
  Wild
`);

export const TRACK_NOUNS: readonly string[] = lines(`
  Light
  Boats
  Motion
  Heart
  Radio
  Window
  Summer
  Harbour
  Letters
  Rain
  Highway
  Dancer
  Stranger
  Morning
  Static
  Garden
  Satellite
  River
  Echo
  Ghost
  Telephone
  Lullaby
  Parade
  Shoreline
  Compass
  Avenue
  Carousel
  Lantern
`);

export const TRACK_PHRASES: readonly string[] = lines(`
  Don’t Look Back Now
  Just Before Dawn
  Northbound
  Call Me Tomorrow
  Let the Tide Decide
  Everything Is Fine
  Where the Buses Sleep
  One More Verse
  Hold Still
  Keep the Change
  Ten Minutes to Midnight
  Say It Slower
  Home Again
  Running on Fumes
  The Last Dance Hall
  If You Were Here
  Carry Me Over
  Fool’s Gold
  Second Wind
  All Night Diner
  Dancing with the Lights Off
  Same Old Moon
  Out of the Blue
  Tell Me Something True
  Heavy Hearted
  Ocean in a Glass
  Paper Planes at Noon
  Better Days Ahead
  Interlude
  Reprise
  Coda
  Overture
  Nowhere Fast
  Sweet Relief
  Under the Overpass
  Lighthouse Keeper
`);

/** Track titles in their own script for the Chinese, Japanese and Korean albums. */
export const CJK_TRACK_TITLES: Readonly<Record<'zh' | 'ja' | 'ko', readonly string[]>> = {
  zh: lines(`
    晚风
    你的城市
    雨中漫步
    旧时光
    星空下
    不说再见
    海边的信
    灯火
    慢慢喜欢你
    回家的路
    夏天的尾巴
    月亮代表谁
    蓝色地平线
    梦里花开
    一个人的旅行
    告白气球
  `),
  ja: lines(`
    夜明けのバス
    君の街へ
    雨上がりの空
    真夏の夢
    さよならの手紙
    星降る夜
    海辺のカフェ
    東京タワー
    ひとりぼっちのダンス
    風の便り
    春の歌
    遠い記憶
    ミッドナイト・ラジオ
    恋のシグナル
  `),
  ko: lines(`
    첫사랑
    밤하늘
    너에게로
    봄날
    비 오는 날
    안녕
    꿈속에서
    우리의 여름
    별이 빛나는 밤
    기억해 줘
    파란 바다
    너의 목소리
    달빛 아래
    시간이 멈춘다면
  `),
};

export const EPISODE_TITLES: readonly string[] = lines(`
  The Long Night
  Crossing Lines
  Old Debts
  What the River Knows
  Homecoming
  Signal Fire
  The Visitor
  Low Tide
  Blood and Salt
  The Quiet Room
  Fault Lines
  Ashes
  The Ledger
  Second Chances
  First Light
  Under the Ice
  The Harbour Master
  Truth or Consequences
  Static
  Open Water
  Burn Notice
  The Reckoning
  Old Friends
  A Place at the Table
  Dead Air
  Ghosts
  The Deal
  Ties That Bind
  Undertow
  Whiteout
  Night Shift
  Family Business
  The Last Ferry
  Checkmate
  Thaw
  Endgame
`);

/** Episode titles in their own script for the Chinese, Japanese and Korean series. */
export const CJK_EPISODE_TITLES: Readonly<Record<'zh' | 'ja' | 'ko', readonly string[]>> = {
  zh: ['初遇', '风起', '秘密', '归途', '暗涌', '抉择', '重逢', '黎明', '离别', '真相'],
  ja: ['はじまりの朝', '約束', '雨の夜', '秘密', '再会', '告白', 'さよなら', '夜明け', '嵐の前', '旅立ち'],
  ko: ['첫 만남', '비밀', '엇갈린 마음', '고백', '폭풍전야', '진실', '재회', '이별', '새벽', '약속'],
};
