import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { heldOutNames } from '../../scripts/held-out-documents.ts';

const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

describe('check:identical --develop', () => {
  it("leaves out TBAQ's held-out third: ids whose SHA-256 starts with a byte divisible by 3", () => {
    const tbaq = ids('made-up-article', 60).map((id) => ({ id }));
    const heldOut = [...heldOutNames(tbaq, [])];
    const expected = tbaq
      .filter(({ id }) => (createHash('sha256').update(id).digest()[0] ?? 0) % 3 === 0)
      .map(({ id }) => `tbaq/${id}`);
    expect(heldOut.sort()).toEqual(expected.sort());
    expect(heldOut.length).toBeGreaterThan(5);
    expect(heldOut.length).toBeLessThan(40);
  });

  it("leaves out PolNeAR's fold 3: the last quarter of each outlet, not of the whole set", () => {
    const polnear = [
      ...ids('paper-a', 8).map((id) => ({ id, publisher: 'a' })),
      ...ids('paper-b', 4).map((id) => ({ id, publisher: 'b' })),
    ];
    const heldOut = [...heldOutNames([], polnear)];
    expect(heldOut.filter((name) => name.startsWith('polnear/paper-a-'))).toHaveLength(2);
    expect(heldOut.filter((name) => name.startsWith('polnear/paper-b-'))).toHaveLength(1);
    expect(heldOut).toHaveLength(3);
  });

  it('does not depend on the order the articles come in', () => {
    const polnear = ids('paper', 12).map((id) => ({ id, publisher: 'a' }));
    const forward = [...heldOutNames([], polnear)].sort();
    const backward = [...heldOutNames([], [...polnear].reverse())].sort();
    expect(backward).toEqual(forward);
  });
});
