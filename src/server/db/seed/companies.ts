import type { Random } from './random'

/** A contractor of the portal operator (Prim.io calls them "contractors"), with one portal website. */
export interface CompanySeed {
  id: number
  name: string
  /** Used for the website name: "Northwind Customer Portal". */
  shortName: string
  vat: string | null
  country: string
  /** Reserved `.example` domain: demo data never points at a real company. */
  domain: string
  cities: readonly string[]
}

type Handmade = Omit<CompanySeed, 'id'>

const handmade: readonly Handmade[] = [
  { name: 'Northwind Traders Ltd', shortName: 'Northwind', vat: 'GB123456789', country: 'GB', domain: 'northwind-traders.example', cities: ['London', 'Manchester', 'Leeds'] },
  { name: 'Müller Maschinenbau GmbH', shortName: 'Müller Maschinenbau', vat: 'DE811234567', country: 'DE', domain: 'mueller-maschinenbau.example', cities: ['Stuttgart', 'Ulm', 'Karlsruhe'] },
  { name: '上海华信贸易有限公司', shortName: '华信贸易', vat: '91310000MA1FL8XQ3B', country: 'CN', domain: 'huaxin-trading.example', cities: ['上海', '苏州', 'Shanghai'] },
  { name: 'Acme Logistics Inc.', shortName: 'Acme Logistics', vat: null, country: 'US', domain: 'acme-logistics.example', cities: ['Chicago', 'Milwaukee', 'Indianapolis'] },
  { name: 'Boulangerie Dupont SARL', shortName: 'Dupont', vat: 'FR40123456824', country: 'FR', domain: 'boulangerie-dupont.example', cities: ['Lyon', 'Villeurbanne'] },
  { name: 'Construcciones García S.L.', shortName: 'Construcciones García', vat: 'ESB12345674', country: 'ES', domain: 'construcciones-garcia.example', cities: ['Madrid', 'Toledo', 'Getafe'] },
  { name: 'Rossi Arredamenti S.p.A.', shortName: 'Rossi Arredamenti', vat: 'IT01234567897', country: 'IT', domain: 'rossi-arredamenti.example', cities: ['Milano', 'Monza', 'Bergamo'] },
  { name: 'Nowak Budownictwo Sp. z o.o.', shortName: 'Nowak Budownictwo', vat: 'PL5261040828', country: 'PL', domain: 'nowak-budownictwo.example', cities: ['Kraków', 'Warszawa'] },
  { name: 'De Vries Bloemen B.V.', shortName: 'De Vries Bloemen', vat: 'NL859123456B01', country: 'NL', domain: 'devries-bloemen.example', cities: ['Aalsmeer', 'Amsterdam', 'Haarlem'] },
  { name: 'Tanaka Precision K.K.', shortName: 'Tanaka Precision', vat: 'T1234567890123', country: 'JP', domain: 'tanaka-precision.example', cities: ['Osaka', 'Kyoto'] },
  { name: '深圳明德电子科技有限公司', shortName: '明德电子', vat: '91440300MA5DQ1234X', country: 'CN', domain: 'mingde-electronics.example', cities: ['深圳', 'Shenzhen', '东莞'] },
  { name: 'Sharma Textiles Pvt. Ltd.', shortName: 'Sharma Textiles', vat: '27AAACS1234F1Z5', country: 'IN', domain: 'sharma-textiles.example', cities: ['Mumbai', 'Pune', 'Surat'] },
  { name: 'Nordic Timber AB', shortName: 'Nordic Timber', vat: 'SE556123456701', country: 'SE', domain: 'nordic-timber.example', cities: ['Sundsvall', 'Umeå', 'Stockholm'] },
  { name: 'Helvetia Uhren AG', shortName: 'Helvetia Uhren', vat: 'CHE-123.456.788 MWST', country: 'CH', domain: 'helvetia-uhren.example', cities: ['Biel/Bienne', 'Genève', 'Zürich'] },
  { name: 'Café Lisboa Lda.', shortName: 'Café Lisboa', vat: 'PT501964843', country: 'PT', domain: 'cafe-lisboa.example', cities: ['Lisboa', 'Porto'] },
  { name: 'Olsen & Søn ApS', shortName: 'Olsen & Søn', vat: 'DK13585628', country: 'DK', domain: 'olsen-soen.example', cities: ['Aarhus', 'København'] },
  { name: 'Maple Leaf Outfitters Ltd.', shortName: 'Maple Leaf', vat: '123456789RT0001', country: 'CA', domain: 'mapleleaf-outfitters.example', cities: ['Toronto', 'Montréal', 'Ottawa'] },
  { name: 'Southern Cross Mining Pty Ltd', shortName: 'Southern Cross', vat: '51 824 753 556', country: 'AU', domain: 'southerncross-mining.example', cities: ['Perth', 'Kalgoorlie'] },
  { name: '北京长城建筑工程有限公司', shortName: '长城建筑', vat: '91110000633691234K', country: 'CN', domain: 'changcheng-construction.example', cities: ['北京', 'Beijing', '天津'] },
  { name: 'Brightwater Software LLC', shortName: 'Brightwater', vat: null, country: 'US', domain: 'brightwater-software.example', cities: ['Austin', 'San Francisco', 'Seattle'] },
  { name: 'Atelier Lumière', shortName: 'Atelier Lumière', vat: 'FR83404833048', country: 'FR', domain: 'atelier-lumiere.example', cities: ['Paris', 'Boulogne-Billancourt'] },
  { name: 'Hoffmann Logistik KG', shortName: 'Hoffmann Logistik', vat: 'DE298765432', country: 'DE', domain: 'hoffmann-logistik.example', cities: ['Hamburg', 'Bremen', 'Kiel'] },
  { name: '杭州西湖茶业有限公司', shortName: '西湖茶业', vat: '91330100MA27X1234Y', country: 'CN', domain: 'xihu-tea.example', cities: ['杭州', 'Hangzhou'] },
  { name: 'Vásquez Import-Export S.A. de C.V.', shortName: 'Vásquez Import-Export', vat: 'VIE010203AB4', country: 'MX', domain: 'vasquez-impex.example', cities: ['Monterrey', 'Ciudad de México'] },
  { name: "O'Brien & Daughters Ltd", shortName: "O'Brien & Daughters", vat: 'IE6388047V', country: 'IE', domain: 'obrien-daughters.example', cities: ['Dublin', 'Cork', 'Galway'] },
  { name: 'Saigon Coffee Roasters JSC', shortName: 'Saigon Coffee', vat: '0312345678', country: 'VN', domain: 'saigon-coffee.example', cities: ['Hồ Chí Minh', 'Đà Lạt'] },
  { name: 'Al Noor Trading LLC', shortName: 'Al Noor', vat: '100123456700003', country: 'AE', domain: 'alnoor-trading.example', cities: ['Dubai', 'Sharjah', 'Abu Dhabi'] },
  { name: 'Kiwi Orchards Ltd', shortName: 'Kiwi Orchards', vat: '123-456-789', country: 'NZ', domain: 'kiwi-orchards.example', cities: ['Tauranga', 'Auckland'] },
  { name: 'Pražské Sklo s.r.o.', shortName: 'Pražské Sklo', vat: 'CZ25123891', country: 'CZ', domain: 'prazske-sklo.example', cities: ['Praha', 'Brno'] },
  { name: 'Fjord Seafood AS', shortName: 'Fjord Seafood', vat: 'NO923456783MVA', country: 'NO', domain: 'fjord-seafood.example', cities: ['Bergen', 'Ålesund'] },
  { name: 'Andes Agro S.A.', shortName: 'Andes Agro', vat: '30-71234567-8', country: 'AR', domain: 'andes-agro.example', cities: ['Mendoza', 'Buenos Aires'] },
  { name: 'Lion City Components Pte. Ltd.', shortName: 'Lion City', vat: '201912345K', country: 'SG', domain: 'lioncity-components.example', cities: ['Singapore'] }
]

/** Words for the extra contractors of large data sets ("Fischer Elektrotechnik GmbH"). */
const founders = ['Fischer', 'Keller', 'Baumann', 'Lindgren', 'Moreau', 'Bianchi', 'Novak', 'Okafor', 'Haddad', 'Iyer', 'Kowalski', 'Sato', 'Jansen', 'Costa', 'Reyes', 'Walsh', 'Hartley', 'Petrov', 'Nakamura', 'Duval']
const trades = ['Elektrotechnik', 'Logistics', 'Foods', 'Engineering', 'Textiles', 'Packaging', 'Robotics', 'Metalworks', 'Pharma', 'Consulting', 'Furniture', 'Optics', 'Plastics', 'Media', 'Energy', 'Ceramics']
const legalForms: Record<string, string> = { DE: 'GmbH', GB: 'Ltd', US: 'Inc.', FR: 'SAS', ES: 'S.L.', IT: 'S.r.l.', NL: 'B.V.', PL: 'Sp. z o.o.', SE: 'AB', JP: 'K.K.', IN: 'Pvt. Ltd.', CA: 'Ltd.', AU: 'Pty Ltd' }
const chinesePlaces = ['苏州', '宁波', '青岛', '成都', '武汉', '厦门', '南京', '重庆']
const chineseWords = ['恒达', '华泰', '鑫源', '永盛', '宏图', '瑞丰', '天成', '金桥']
const chineseTrades = ['机械', '纺织', '物流', '电子', '化工', '食品', '建材', '光电']
const citiesOf: Record<string, readonly string[]> = {
  DE: ['Berlin', 'München', 'Köln', 'Leipzig'],
  GB: ['Bristol', 'Glasgow', 'Birmingham'],
  US: ['Denver', 'Boston', 'Atlanta', 'Portland'],
  FR: ['Toulouse', 'Nantes', 'Lille'],
  ES: ['Valencia', 'Sevilla', 'Bilbao'],
  IT: ['Torino', 'Bologna', 'Napoli'],
  NL: ['Utrecht', 'Rotterdam', 'Eindhoven'],
  PL: ['Gdańsk', 'Wrocław', 'Poznań'],
  SE: ['Göteborg', 'Malmö'],
  JP: ['Tokyo', 'Nagoya', 'Fukuoka'],
  IN: ['Bengaluru', 'Chennai', 'Hyderabad'],
  CA: ['Vancouver', 'Calgary'],
  AU: ['Sydney', 'Melbourne', 'Brisbane']
}

/**
 * The contractors: the hand-written ones first, then, for large data sets, generated ones (about
 * one per thousand users) so that a million users do not crowd into thirty companies.
 */
export function planCompanies(random: Random, userCount: number): CompanySeed[] {
  const extra = Math.min(2000, Math.max(0, Math.floor(userCount / 1000) - handmade.length))
  const companies: CompanySeed[] = handmade.map((c, index) => ({ ...c, id: index + 1 }))
  const usedNames = new Set(companies.map((c) => c.name))
  for (let i = 0; i < extra; i++) {
    const id = companies.length + 1
    const chinese = random.chance(0.2)
    const country = chinese ? 'CN' : random.pick(Object.keys(legalForms))
    let name: string
    let shortName: string
    if (chinese) {
      shortName = random.pick(chineseWords) + random.pick(chineseTrades)
      name = `${random.pick(chinesePlaces)}${shortName}有限公司`
    } else {
      shortName = `${random.pick(founders)} ${random.pick(trades)}`
      name = `${shortName} ${legalForms[country] ?? 'Ltd'}`
    }
    if (usedNames.has(name)) name = `${name} (${id})`
    usedNames.add(name)
    companies.push({
      id,
      name,
      shortName,
      vat: chinese ? `9131${random.digits(14)}` : `${country}${random.digits(9)}`,
      country,
      domain: `contractor-${id}.example`,
      cities: chinese ? chinesePlaces.slice(0, 4) : (citiesOf[country] ?? ['Springfield'])
    })
  }
  return companies
}
