// English local authorities with SEND duties (Children and Families Act 2014,
// Part 3): the upper-tier authorities responsible for education and children's
// services — county councils, unitary authorities, metropolitan boroughs, the
// 32 London boroughs, the City of London and the Council of the Isles of Scilly.
// These are the "local areas" that Ofsted/CQC area SEND inspections cover.
//
// Last reconciled: as at 2026; 153 authorities.
//   North East 12, North West 24, Yorkshire and the Humber 15, East Midlands 10,
//   West Midlands 14, East of England 11, London 33, South East 19, South West 15.
//   By kind: 21 county, 62 unitary, 36 metropolitan, 32 london, 2 other.
// Recent changes: Northamptonshire -> North/West Northamptonshire (2021);
// Bournemouth + Poole (+ Christchurch) -> Bournemouth, Christchurch and Poole and
// Dorset county -> Dorset unitary (2019); Buckinghamshire unitary (2020);
// Cumbria -> Cumberland / Westmorland and Furness, North Yorkshire and Somerset
// unitary under the same names (April 2023).
//
// Pure data: no imports. SEND_AREAS is sorted by name (plain string order, which
// for these names coincides with 'en' localeCompare).

export type AreaKind = 'county' | 'unitary' | 'metropolitan' | 'london' | 'other';

export interface AreaEntry {
  /** Canonical name as the DfE / Ofsted use it, e.g. "Stoke-on-Trent", "Bristol, City of" is NOT wanted: use the everyday official short form "Bristol". */
  readonly name: string;
  readonly kind: AreaKind;
  readonly region: string; // e.g. 'North East', 'London'
  /** Other spellings researchers type: "Stoke", "Hull" for Kingston upon Hull, "City of York", "Southend" ... */
  readonly aliases?: readonly string[];
}

export const SEND_AREAS: readonly AreaEntry[] = [
  {
    name: 'Barking and Dagenham', kind: 'london', region: 'London',
    aliases: ['Barking & Dagenham'],
  },
  { name: 'Barnet', kind: 'london', region: 'London' },
  { name: 'Barnsley', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  {
    name: 'Bath and North East Somerset', kind: 'unitary', region: 'South West',
    aliases: ['Bath & North East Somerset', 'BANES', 'B&NES'],
  },
  { name: 'Bedford', kind: 'unitary', region: 'East of England', aliases: ['Bedford Borough'] },
  { name: 'Bexley', kind: 'london', region: 'London' },
  { name: 'Birmingham', kind: 'metropolitan', region: 'West Midlands' },
  { name: 'Blackburn with Darwen', kind: 'unitary', region: 'North West', aliases: ['Blackburn'] },
  { name: 'Blackpool', kind: 'unitary', region: 'North West' },
  { name: 'Bolton', kind: 'metropolitan', region: 'North West' },
  {
    name: 'Bournemouth, Christchurch and Poole', kind: 'unitary', region: 'South West',
    aliases: ['BCP', 'Bournemouth, Christchurch & Poole', 'Bournemouth Christchurch and Poole'],
  },
  { name: 'Bracknell Forest', kind: 'unitary', region: 'South East' },
  { name: 'Bradford', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  { name: 'Brent', kind: 'london', region: 'London' },
  {
    name: 'Brighton and Hove', kind: 'unitary', region: 'South East',
    aliases: ['Brighton & Hove'],
  },
  {
    name: 'Bristol', kind: 'unitary', region: 'South West',
    aliases: ['City of Bristol', 'Bristol, City of'],
  },
  { name: 'Bromley', kind: 'london', region: 'London' },
  { name: 'Buckinghamshire', kind: 'unitary', region: 'South East' },
  { name: 'Bury', kind: 'metropolitan', region: 'North West' },
  { name: 'Calderdale', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  { name: 'Cambridgeshire', kind: 'county', region: 'East of England' },
  { name: 'Camden', kind: 'london', region: 'London' },
  { name: 'Central Bedfordshire', kind: 'unitary', region: 'East of England' },
  { name: 'Cheshire East', kind: 'unitary', region: 'North West' },
  {
    name: 'Cheshire West and Chester', kind: 'unitary', region: 'North West',
    aliases: ['Cheshire West & Chester', 'Cheshire West', 'CWAC'],
  },
  {
    name: 'City of London', kind: 'other', region: 'London',
    aliases: ['London, City of', 'Corporation of London'],
  },
  { name: 'Cornwall', kind: 'unitary', region: 'South West' },
  {
    name: 'County Durham', kind: 'unitary', region: 'North East',
    aliases: ['Durham', 'Durham County'],
  },
  { name: 'Coventry', kind: 'metropolitan', region: 'West Midlands' },
  { name: 'Croydon', kind: 'london', region: 'London' },
  { name: 'Cumberland', kind: 'unitary', region: 'North West' },
  { name: 'Darlington', kind: 'unitary', region: 'North East' },
  {
    name: 'Derby', kind: 'unitary', region: 'East Midlands',
    aliases: ['Derby City', 'City of Derby'],
  },
  { name: 'Derbyshire', kind: 'county', region: 'East Midlands' },
  { name: 'Devon', kind: 'county', region: 'South West' },
  { name: 'Doncaster', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  { name: 'Dorset', kind: 'unitary', region: 'South West' },
  { name: 'Dudley', kind: 'metropolitan', region: 'West Midlands' },
  { name: 'Ealing', kind: 'london', region: 'London' },
  {
    name: 'East Riding of Yorkshire', kind: 'unitary', region: 'Yorkshire and the Humber',
    aliases: ['East Riding'],
  },
  { name: 'East Sussex', kind: 'county', region: 'South East' },
  { name: 'Enfield', kind: 'london', region: 'London' },
  { name: 'Essex', kind: 'county', region: 'East of England' },
  { name: 'Gateshead', kind: 'metropolitan', region: 'North East' },
  { name: 'Gloucestershire', kind: 'county', region: 'South West' },
  { name: 'Greenwich', kind: 'london', region: 'London', aliases: ['Royal Borough of Greenwich'] },
  { name: 'Hackney', kind: 'london', region: 'London' },
  { name: 'Halton', kind: 'unitary', region: 'North West' },
  {
    name: 'Hammersmith and Fulham', kind: 'london', region: 'London',
    aliases: ['Hammersmith & Fulham'],
  },
  { name: 'Hampshire', kind: 'county', region: 'South East' },
  { name: 'Haringey', kind: 'london', region: 'London' },
  { name: 'Harrow', kind: 'london', region: 'London' },
  { name: 'Hartlepool', kind: 'unitary', region: 'North East' },
  { name: 'Havering', kind: 'london', region: 'London' },
  {
    name: 'Herefordshire', kind: 'unitary', region: 'West Midlands',
    aliases: ['County of Herefordshire', 'Herefordshire, County of'],
  },
  { name: 'Hertfordshire', kind: 'county', region: 'East of England' },
  { name: 'Hillingdon', kind: 'london', region: 'London' },
  { name: 'Hounslow', kind: 'london', region: 'London' },
  { name: 'Isle of Wight', kind: 'unitary', region: 'South East' },
  {
    name: 'Isles of Scilly', kind: 'other', region: 'South West',
    aliases: ['Scilly', 'Council of the Isles of Scilly'],
  },
  { name: 'Islington', kind: 'london', region: 'London' },
  {
    name: 'Kensington and Chelsea', kind: 'london', region: 'London',
    aliases: ['Kensington & Chelsea', 'Royal Borough of Kensington and Chelsea'],
  },
  { name: 'Kent', kind: 'county', region: 'South East' },
  {
    name: 'Kingston upon Hull', kind: 'unitary', region: 'Yorkshire and the Humber',
    aliases: ['Hull', 'City of Kingston upon Hull', 'Kingston upon Hull, City of', 'Kingston-upon-Hull'],
  },
  {
    name: 'Kingston upon Thames', kind: 'london', region: 'London',
    aliases: ['Kingston-upon-Thames', 'Royal Borough of Kingston upon Thames'],
  },
  { name: 'Kirklees', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  { name: 'Knowsley', kind: 'metropolitan', region: 'North West' },
  { name: 'Lambeth', kind: 'london', region: 'London' },
  { name: 'Lancashire', kind: 'county', region: 'North West' },
  { name: 'Leeds', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  {
    name: 'Leicester', kind: 'unitary', region: 'East Midlands',
    aliases: ['Leicester City', 'City of Leicester'],
  },
  { name: 'Leicestershire', kind: 'county', region: 'East Midlands' },
  { name: 'Lewisham', kind: 'london', region: 'London' },
  { name: 'Lincolnshire', kind: 'county', region: 'East Midlands' },
  { name: 'Liverpool', kind: 'metropolitan', region: 'North West' },
  { name: 'Luton', kind: 'unitary', region: 'East of England' },
  { name: 'Manchester', kind: 'metropolitan', region: 'North West' },
  { name: 'Medway', kind: 'unitary', region: 'South East' },
  { name: 'Merton', kind: 'london', region: 'London' },
  { name: 'Middlesbrough', kind: 'unitary', region: 'North East' },
  { name: 'Milton Keynes', kind: 'unitary', region: 'South East' },
  {
    name: 'Newcastle upon Tyne', kind: 'metropolitan', region: 'North East',
    aliases: ['Newcastle', 'Newcastle-upon-Tyne'],
  },
  { name: 'Newham', kind: 'london', region: 'London' },
  { name: 'Norfolk', kind: 'county', region: 'East of England' },
  {
    name: 'North East Lincolnshire', kind: 'unitary', region: 'Yorkshire and the Humber',
    aliases: ['NE Lincolnshire', 'North East Lincs'],
  },
  {
    name: 'North Lincolnshire', kind: 'unitary', region: 'Yorkshire and the Humber',
    aliases: ['North Lincs'],
  },
  {
    name: 'North Northamptonshire', kind: 'unitary', region: 'East Midlands',
    aliases: ['North Northants'],
  },
  { name: 'North Somerset', kind: 'unitary', region: 'South West' },
  { name: 'North Tyneside', kind: 'metropolitan', region: 'North East' },
  { name: 'North Yorkshire', kind: 'unitary', region: 'Yorkshire and the Humber' },
  { name: 'Northumberland', kind: 'unitary', region: 'North East' },
  {
    name: 'Nottingham', kind: 'unitary', region: 'East Midlands',
    aliases: ['Nottingham City', 'City of Nottingham'],
  },
  { name: 'Nottinghamshire', kind: 'county', region: 'East Midlands' },
  { name: 'Oldham', kind: 'metropolitan', region: 'North West' },
  { name: 'Oxfordshire', kind: 'county', region: 'South East' },
  { name: 'Peterborough', kind: 'unitary', region: 'East of England' },
  { name: 'Plymouth', kind: 'unitary', region: 'South West' },
  { name: 'Portsmouth', kind: 'unitary', region: 'South East' },
  { name: 'Reading', kind: 'unitary', region: 'South East' },
  { name: 'Redbridge', kind: 'london', region: 'London' },
  {
    name: 'Redcar and Cleveland', kind: 'unitary', region: 'North East',
    aliases: ['Redcar & Cleveland', 'Redcar'],
  },
  {
    name: 'Richmond upon Thames', kind: 'london', region: 'London',
    aliases: ['Richmond', 'Richmond-upon-Thames'],
  },
  { name: 'Rochdale', kind: 'metropolitan', region: 'North West' },
  { name: 'Rotherham', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  { name: 'Rutland', kind: 'unitary', region: 'East Midlands' },
  { name: 'Salford', kind: 'metropolitan', region: 'North West' },
  { name: 'Sandwell', kind: 'metropolitan', region: 'West Midlands' },
  { name: 'Sefton', kind: 'metropolitan', region: 'North West' },
  { name: 'Sheffield', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  { name: 'Shropshire', kind: 'unitary', region: 'West Midlands' },
  { name: 'Slough', kind: 'unitary', region: 'South East' },
  { name: 'Solihull', kind: 'metropolitan', region: 'West Midlands' },
  { name: 'Somerset', kind: 'unitary', region: 'South West' },
  { name: 'South Gloucestershire', kind: 'unitary', region: 'South West', aliases: ['South Glos'] },
  { name: 'South Tyneside', kind: 'metropolitan', region: 'North East' },
  { name: 'Southampton', kind: 'unitary', region: 'South East' },
  {
    name: 'Southend-on-Sea', kind: 'unitary', region: 'East of England',
    aliases: ['Southend', 'Southend on Sea', 'City of Southend-on-Sea'],
  },
  { name: 'Southwark', kind: 'london', region: 'London' },
  {
    name: 'St Helens', kind: 'metropolitan', region: 'North West',
    aliases: ['St. Helens', 'Saint Helens'],
  },
  { name: 'Staffordshire', kind: 'county', region: 'West Midlands' },
  { name: 'Stockport', kind: 'metropolitan', region: 'North West' },
  {
    name: 'Stockton-on-Tees', kind: 'unitary', region: 'North East',
    aliases: ['Stockton', 'Stockton on Tees'],
  },
  {
    name: 'Stoke-on-Trent', kind: 'unitary', region: 'West Midlands',
    aliases: ['Stoke', 'Stoke on Trent'],
  },
  { name: 'Suffolk', kind: 'county', region: 'East of England' },
  { name: 'Sunderland', kind: 'metropolitan', region: 'North East' },
  { name: 'Surrey', kind: 'county', region: 'South East' },
  { name: 'Sutton', kind: 'london', region: 'London' },
  { name: 'Swindon', kind: 'unitary', region: 'South West' },
  { name: 'Tameside', kind: 'metropolitan', region: 'North West' },
  {
    name: 'Telford and Wrekin', kind: 'unitary', region: 'West Midlands',
    aliases: ['Telford & Wrekin', 'Telford'],
  },
  { name: 'Thurrock', kind: 'unitary', region: 'East of England' },
  { name: 'Torbay', kind: 'unitary', region: 'South West' },
  { name: 'Tower Hamlets', kind: 'london', region: 'London' },
  { name: 'Trafford', kind: 'metropolitan', region: 'North West' },
  { name: 'Wakefield', kind: 'metropolitan', region: 'Yorkshire and the Humber' },
  { name: 'Walsall', kind: 'metropolitan', region: 'West Midlands' },
  { name: 'Waltham Forest', kind: 'london', region: 'London' },
  { name: 'Wandsworth', kind: 'london', region: 'London' },
  { name: 'Warrington', kind: 'unitary', region: 'North West' },
  { name: 'Warwickshire', kind: 'county', region: 'West Midlands' },
  { name: 'West Berkshire', kind: 'unitary', region: 'South East' },
  {
    name: 'West Northamptonshire', kind: 'unitary', region: 'East Midlands',
    aliases: ['West Northants'],
  },
  { name: 'West Sussex', kind: 'county', region: 'South East' },
  { name: 'Westminster', kind: 'london', region: 'London', aliases: ['City of Westminster'] },
  {
    name: 'Westmorland and Furness', kind: 'unitary', region: 'North West',
    aliases: ['Westmorland & Furness'],
  },
  { name: 'Wigan', kind: 'metropolitan', region: 'North West' },
  { name: 'Wiltshire', kind: 'unitary', region: 'South West' },
  {
    name: 'Windsor and Maidenhead', kind: 'unitary', region: 'South East',
    aliases: ['Windsor & Maidenhead', 'Royal Borough of Windsor and Maidenhead'],
  },
  { name: 'Wirral', kind: 'metropolitan', region: 'North West' },
  { name: 'Wokingham', kind: 'unitary', region: 'South East' },
  {
    name: 'Wolverhampton', kind: 'metropolitan', region: 'West Midlands',
    aliases: ['City of Wolverhampton'],
  },
  { name: 'Worcestershire', kind: 'county', region: 'West Midlands' },
  { name: 'York', kind: 'unitary', region: 'Yorkshire and the Humber', aliases: ['City of York'] },
];

/** Former authorities, abolished or merged: name -> successor names. Used to say "Cumbria no longer exists: use Cumberland or Westmorland and Furness". */
export const FORMER_AREAS: Readonly<Record<string, readonly string[]>> = {
  // Abolished 1 April 1996 (Local Government Act 1992 reviews).
  Avon: ['Bath and North East Somerset', 'Bristol', 'North Somerset', 'South Gloucestershire'],
  Cleveland: ['Hartlepool', 'Middlesbrough', 'Redcar and Cleveland', 'Stockton-on-Tees'],
  Humberside: [
    'East Riding of Yorkshire',
    'Kingston upon Hull',
    'North East Lincolnshire',
    'North Lincolnshire',
  ],
  // Abolished 1 April 1998.
  Berkshire: [
    'Bracknell Forest',
    'Reading',
    'Slough',
    'West Berkshire',
    'Windsor and Maidenhead',
    'Wokingham',
  ],
  'Hereford and Worcester': ['Herefordshire', 'Worcestershire'],
  // Abolished 1 April 2009.
  Bedfordshire: ['Bedford', 'Central Bedfordshire'],
  Cheshire: ['Cheshire East', 'Cheshire West and Chester'],
  // Abolished 1 April 2019 (Dorset County Council's successor is the Dorset unitary).
  Bournemouth: ['Bournemouth, Christchurch and Poole'],
  Poole: ['Bournemouth, Christchurch and Poole'],
  // Abolished 1 April 2021.
  Northamptonshire: ['North Northamptonshire', 'West Northamptonshire'],
  // Abolished 1 April 2023.
  Cumbria: ['Cumberland', 'Westmorland and Furness'],
};
