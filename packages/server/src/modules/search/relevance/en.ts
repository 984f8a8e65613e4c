import { resource, thread, type RelevanceSet } from './corpus.js';

/** English: what monitors, journalists and partners write, and how they search it. */
export const en: RelevanceSet = {
  language: 'en',
  documents: [
    thread(
      'en-school-meals',
      'Auditing school meal contracts in the district',
      'All twelve schools are supplied by the same company, and the contract prices are thirty ' +
        'percent above market. The menus for younger pupils are not followed. We are preparing ' +
        'a request to the internal state audit department.',
      ['education'],
    ),
    thread(
      'en-land',
      'Land plots allocated without auctions',
      'In the rural district, plots for private housing went to relatives of the land ' +
        "commission's members. Its meetings are closed and the minutes are never published.",
      ['land'],
    ),
    thread(
      'en-complaints',
      "Citizens' complaints about the district akimat go unanswered",
      'Residents wrote about rubbish collection and street lighting; the law gives fifteen ' +
        'working days for a reply, yet most waited two months.',
    ),
    thread(
      'en-hospital',
      'Medicine shortages at the regional hospital',
      'Patients pay out of pocket for drugs that should be free under the guaranteed benefits ' +
        "package. The hospital's pharmacy has had no insulin for two months.",
      ['health'],
    ),
    thread(
      'en-roads',
      'Repaired roads crumbled after the first winter',
      'The contractor refuses to honour the warranty, while the technical supervision reports ' +
        'were signed without remarks.',
      ['infrastructure'],
    ),
    thread(
      'en-grants',
      'How state grants to NGOs are awarded',
      'The results of the government grant competition are out, but the expert panel and its ' +
        'scoring sheets are secret. Half the winners had been funded before.',
    ),
    thread(
      'en-budget',
      "Open budget: the city akimat's spending report is missing",
      'By law the budget execution report must be on the website. The latest one there is two ' +
        'years old, and no citizens’ budget was prepared this year.',
      ['budget'],
    ),
    thread(
      'en-public-council',
      "Public council hearing on the district governor's annual report",
      'Council members heard the report and made twelve recommendations on utilities and ' +
        'road building. We will follow up at the next session.',
    ),
    thread(
      'en-declarations',
      'Asset declarations of senior officials',
      'Since this year, heads of departments must publish what they own and earn. We compared ' +
        'the published declarations with property and vehicle records.',
    ),
    thread(
      'en-conflict',
      'Conflict of interest: education department head hired his niece',
      'The head of the education department hired a relative and did not declare a personal ' +
        'interest. Which rules were broken?',
    ),
    thread(
      'en-whistleblower',
      'Protecting whistleblowers who report corruption',
      'An employee who reported bribes in the department was dismissed a month later. Their ' +
        'identity was not kept confidential, and the promised reward never came.',
    ),
    thread(
      'en-kindergarten',
      'Kindergarten waiting lists and bribes for a place',
      'Parents wait for three years while some children get places out of turn. One mother ' +
        'says she paid the head of the kindergarten.',
    ),
    thread(
      'en-textbooks',
      'Textbooks bought at inflated prices',
      'School libraries bought all their textbooks from a single publisher at twice the market ' +
        'price. Other publishers were kept out of the tender.',
    ),
    thread(
      'en-medical-equipment',
      'Medical equipment sits idle after purchase',
      'A CT scanner bought for the district clinic has been in its box for a year: there is no ' +
        'specialist and no room for it.',
    ),
    thread(
      'en-housing',
      'Social housing for large families',
      'The list of families receiving flats in the new building was never published. Mothers ' +
        'of large families on the waiting list say newcomers got flats first.',
    ),
    thread(
      'en-subsidies',
      'Audit of agricultural subsidies',
      'Subsidies were paid for pedigree cattle, but half of the livestock on paper could not be ' +
        'found on the farms.',
    ),
    thread(
      'en-school-construction',
      'Construction of a 300-place school three years late',
      'Work stopped after the builder was replaced. Children still study in three shifts.',
    ),
    thread(
      'en-ownership',
      'Who really owns the suppliers? Beneficial ownership checks',
      'Several winning suppliers are registered to nominees; the beneficial owners are relatives ' +
        'of officials in the procuring agency.',
    ),
    thread(
      'en-foi',
      'Freedom of information requests: response times',
      'We sent FOI requests to six regional departments. Only two answered within the fifteen ' +
        'days the law sets.',
    ),
    thread(
      'en-water',
      'Village water supply project stalled',
      'Money for the water pipeline was allocated three years ago. Residents still bring water ' +
        'in tankers.',
    ),
    thread(
      'en-red-flags',
      'Red flags in public tenders',
      'Single bidders, requirements written for one supplier, and deadlines of three days: the ' +
        'warning signs we see most often.',
      ['procurement'],
    ),
    thread(
      'en-ethics',
      'Code of ethics breach by a deputy governor',
      'A video shows the deputy governor shouting at a resident. We filed a complaint with the ' +
        'ethics commissioner.',
    ),
    resource(
      'en-res-procurement-toolkit',
      'Procurement monitoring toolkit for civil society',
      'How to read tender documents, check suppliers and follow contract delivery.',
      ['procurement'],
    ),
    resource(
      'en-res-coi-form',
      'Conflict of interest declaration form',
      'A form where staff list interests linked to their relatives and their own businesses.',
    ),
    resource(
      'en-res-land-data',
      'Dataset: land allocation decisions 2024–2025',
      "Regional akimats' decisions on granting land, gathered in one table.",
      ['land'],
    ),
    resource(
      'en-res-whistleblower-guide',
      'Whistleblower protection: a practical guide',
      'How to report safely, what the law promises and where to turn if you face retaliation.',
    ),
    resource(
      'en-res-health-study',
      'Study: corruption risks in the health sector',
      'An analysis of medicine purchasing, waiting lists and informal payments in hospitals.',
    ),
    // Distractors: the same organisation's everyday threads.
    thread('en-x-retreat', 'Team retreat agenda', 'Draft agenda for the two-day team retreat.'),
    thread('en-x-move', 'Office move next month', 'Please pack your desks by Friday.'),
    thread(
      'en-x-football',
      'Football tournament results',
      'Our team came second in the NGO league.',
    ),
    thread(
      'en-x-newsletter',
      'Newsletter design feedback',
      'Comments on the new layout of the monthly newsletter, please.',
    ),
  ],
  queries: [
    { query: 'school meals', expect: ['en-school-meals'] },
    { query: 'school meal contract', expect: ['en-school-meals'] },
    { query: 'land plot', expect: ['en-land'] },
    { query: 'land allocation', expect: ['en-res-land-data', 'en-land'] },
    { query: 'complaint', expect: ['en-complaints', 'en-ethics'] },
    { query: 'citizen complaints', expect: ['en-complaints'] },
    { query: 'hospital medicines', expect: ['en-hospital'] },
    { query: 'medicine shortage', expect: ['en-hospital'] },
    { query: 'road repair', expect: ['en-roads'] },
    { query: 'contractor warranty', expect: ['en-roads'] },
    { query: 'grants for NGOs', expect: ['en-grants'] },
    { query: 'city budget', expect: ['en-budget'] },
    { query: 'spending reports', expect: ['en-budget'] },
    { query: 'public council', expect: ['en-public-council'] },
    { query: 'asset declaration', expect: ['en-declarations'] },
    { query: 'declared assets', expect: ['en-declarations'] },
    { query: 'conflict of interest', expect: ['en-conflict', 'en-res-coi-form'] },
    { query: 'conflicts of interests', expect: ['en-conflict', 'en-res-coi-form'] },
    { query: 'whistleblower', expect: ['en-whistleblower', 'en-res-whistleblower-guide'] },
    {
      query: 'protection of whistleblowers',
      expect: ['en-whistleblower', 'en-res-whistleblower-guide'],
    },
    { query: 'kindergarten bribe', expect: ['en-kindergarten'] },
    { query: 'textbook', expect: ['en-textbooks'] },
    { query: 'medical equipment', expect: ['en-medical-equipment'] },
    { query: 'social housing', expect: ['en-housing'] },
    { query: 'large family', expect: ['en-housing'] },
    { query: 'subsidy', expect: ['en-subsidies'] },
    { query: 'school construction', expect: ['en-school-construction'] },
    { query: 'beneficial owner', expect: ['en-ownership'] },
    { query: 'freedom of information', expect: ['en-foi'] },
    { query: 'FOI request', expect: ['en-foi'] },
    { query: 'water supply', expect: ['en-water'] },
    { query: 'procurement', expect: ['en-red-flags', 'en-res-procurement-toolkit'] },
    { query: '#procurement', expect: ['en-red-flags', 'en-res-procurement-toolkit'] },
    { query: 'red flag tender', expect: ['en-red-flags'] },
    { query: 'PROCUREMENT MONITORING', expect: ['en-res-procurement-toolkit'] },
    { query: 'health sector corruption', expect: ['en-res-health-study'] },
    { query: 'corruption risk', expect: ['en-res-health-study'] },
    { query: 'hiring relatives', expect: ['en-conflict'] },
    { query: 'akimat', expect: ['en-complaints', 'en-budget', 'en-res-land-data'] },
    { query: 'inflated price', expect: ['en-textbooks'] },
    { query: 'audit', expect: ['en-school-meals', 'en-subsidies'] },
    { query: 'tenders', expect: ['en-red-flags', 'en-textbooks', 'en-res-procurement-toolkit'] },
    { query: 'waiting list', expect: ['en-kindergarten', 'en-housing', 'en-res-health-study'] },
    { query: 'bribes', expect: ['en-kindergarten', 'en-whistleblower'] },
    { query: 'land commission', expect: ['en-land'] },
    { query: 'ethics code', expect: ['en-ethics'] },
    { query: 'suppliers', expect: ['en-ownership', 'en-red-flags', 'en-res-procurement-toolkit'] },
    { query: 'water pipeline', expect: ['en-water'] },
    // Typos people make.
    { query: 'kindergarden', expect: ['en-kindergarten'] },
    { query: 'goverment grants', expect: ['en-grants'] },
  ],
};
