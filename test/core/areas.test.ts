import { strict as assert } from 'node:assert';
import { FORMER_AREAS, SEND_AREAS, type AreaKind } from '../../core/codebook/areas';

const key = (s: string): string => s.trim().toLowerCase();

const currentNames = new Set(SEND_AREAS.map((a) => a.name));

/** Every name and alias, case-folded, as a set. */
function allSpellings(): Set<string> {
  const out = new Set<string>();
  for (const a of SEND_AREAS) {
    out.add(key(a.name));
    for (const al of a.aliases ?? []) out.add(key(al));
  }
  return out;
}

describe('core/codebook/areas', () => {
  it('lists exactly 153 current SEND authorities', () => {
    assert.equal(SEND_AREAS.length, 153);
  });

  it('has names unique case-insensitively', () => {
    const seen = new Map<string, string>();
    for (const a of SEND_AREAS) {
      const k = key(a.name);
      assert.ok(!seen.has(k), `duplicate name: ${a.name} vs ${seen.get(k)}`);
      seen.set(k, a.name);
    }
  });

  it('has no alias colliding with any other name or alias', () => {
    const owner = new Map<string, string>();
    for (const a of SEND_AREAS) {
      for (const s of [a.name, ...(a.aliases ?? [])]) {
        const k = key(s);
        const prev = owner.get(k);
        assert.ok(
          prev === undefined,
          `"${s}" (${a.name}) collides with a spelling of ${prev ?? ''}`,
        );
        owner.set(k, a.name);
      }
    }
  });

  it('has no empty or untrimmed names or aliases', () => {
    for (const a of SEND_AREAS) {
      for (const s of [a.name, ...(a.aliases ?? [])]) {
        assert.ok(s.length > 0 && s === s.trim() && !/\s{2}/.test(s), `bad spelling: "${s}"`);
      }
    }
  });

  it('is sorted by name', () => {
    for (let i = 1; i < SEND_AREAS.length; i++) {
      const prev = SEND_AREAS[i - 1]!.name;
      const cur = SEND_AREAS[i]!.name;
      assert.ok(prev < cur, `not sorted: "${prev}" before "${cur}"`);
      assert.ok(prev.localeCompare(cur, 'en') < 0, `not locale-sorted: "${prev}" before "${cur}"`);
    }
  });

  it('has the expected per-region counts', () => {
    const expected: Record<string, number> = {
      'North East': 12,
      'North West': 24,
      'Yorkshire and the Humber': 15,
      'East Midlands': 10,
      'West Midlands': 14,
      'East of England': 11,
      London: 33,
      'South East': 19,
      'South West': 15,
    };
    const actual: Record<string, number> = {};
    for (const a of SEND_AREAS) actual[a.region] = (actual[a.region] ?? 0) + 1;
    assert.deepEqual(actual, expected);
    assert.equal(
      Object.values(expected).reduce((x, y) => x + y, 0),
      153,
    );
  });

  it('has the expected per-kind counts', () => {
    const expected: Record<AreaKind, number> = {
      county: 21,
      unitary: 62,
      metropolitan: 36,
      london: 32,
      other: 2,
    };
    const actual: Record<string, number> = {};
    for (const a of SEND_AREAS) actual[a.kind] = (actual[a.kind] ?? 0) + 1;
    assert.deepEqual(actual, expected);
  });

  it('includes small unitaries that are easy to miss', () => {
    for (const n of ['Hartlepool', 'Middlesbrough', 'Stoke-on-Trent', 'Darlington', 'North Somerset']) {
      assert.ok(currentNames.has(n), `missing ${n}`);
    }
  });

  it('resolves common aliases to the canonical name', () => {
    const byAlias = new Map<string, string>();
    for (const a of SEND_AREAS) for (const al of a.aliases ?? []) byAlias.set(key(al), a.name);
    assert.equal(byAlias.get('hull'), 'Kingston upon Hull');
    assert.equal(byAlias.get('stoke'), 'Stoke-on-Trent');
    assert.equal(byAlias.get('southend'), 'Southend-on-Sea');
    assert.equal(byAlias.get('bcp'), 'Bournemouth, Christchurch and Poole');
    assert.equal(byAlias.get('bristol, city of'), 'Bristol');
    assert.equal(byAlias.get('city of york'), 'York');
    assert.equal(byAlias.get('county of herefordshire'), 'Herefordshire');
  });

  it('treats Cumbria and Northamptonshire as former areas with current successors', () => {
    const spellings = allSpellings();
    for (const former of ['Cumbria', 'Northamptonshire']) {
      assert.ok(!spellings.has(key(former)), `${former} should not be current`);
      const successors = FORMER_AREAS[former];
      assert.ok(successors !== undefined, `${former} missing from FORMER_AREAS`);
      assert.ok(successors.length >= 2);
    }
    assert.deepEqual([...FORMER_AREAS['Cumbria']!].sort(), ['Cumberland', 'Westmorland and Furness']);
    assert.deepEqual(
      [...FORMER_AREAS['Northamptonshire']!].sort(),
      ['North Northamptonshire', 'West Northamptonshire'],
    );
  });

  it('maps every former area to current names only, and no former name is current', () => {
    const spellings = allSpellings();
    for (const [former, successors] of Object.entries(FORMER_AREAS)) {
      assert.ok(!spellings.has(key(former)), `former area ${former} is also a current spelling`);
      assert.ok(successors.length > 0, `${former} has no successors`);
      for (const s of successors) assert.ok(currentNames.has(s), `${former} -> ${s} is not a current name`);
    }
  });
});
