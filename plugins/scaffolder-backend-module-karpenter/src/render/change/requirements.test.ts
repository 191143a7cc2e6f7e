import { Requirement, requirementImpact } from './requirements';

const KEY = 'karpenter.k8s.aws/instance-cpu';
const req = (operator: string, ...values: string[]): Requirement => ({
  key: KEY,
  operator,
  ...(values.length > 0 ? { values } : {}),
});
const impact = (before: Requirement[], after: Requirement[]) =>
  requirementImpact(before, after).impact;

describe('requirementImpact (drift.go areRequirementsDrifted: label Compatible with requirements)', () => {
  it.each([
    ['In gains a value', [req('In', '4')], [req('In', '4', '8')]],
    ['the key is removed', [req('In', '4')], []],
    ['NotIn loses a value', [req('NotIn', '1', '2')], [req('NotIn', '1')]],
    ['Gt is lowered', [req('Gt', '4')], [req('Gt', '2')]],
    ['Lt is raised', [req('Lt', '16')], [req('Lt', '32')]],
    ['Gt 2 becomes the same Gte 3', [req('Gt', '2')], [req('Gte', '3')]],
    ['Lte 8 becomes Lt 16', [req('Lte', '8')], [req('Lt', '16')]],
    ['In becomes Exists', [req('In', '4')], [req('Exists')]],
    ['DoesNotExist becomes NotIn', [req('DoesNotExist')], [req('NotIn', '4')]],
    [
      'In within bounds becomes the bounds',
      [req('In', '4', '8')],
      [req('Gt', '3'), req('Lt', '9')],
    ],
  ])('widens when %s: every running node still matches', (_, before, after) => {
    expect(requirementImpact(before, after)).toEqual({
      impact: 'noReplacement',
      why: 'requirements widened: every running node still matches',
    });
  });

  it.each([
    ['a key is added', [], [req('In', '4')]],
    ['a NotIn key is added', [], [req('NotIn', '4')]],
    ['In loses a value', [req('In', '4', '8')], [req('In', '4')]],
    ['NotIn gains a value', [req('NotIn', '1')], [req('NotIn', '1', '2')]],
    ['Gt is raised', [req('Gt', '2')], [req('Gt', '4')]],
    ['Lte is lowered', [req('Lte', '8')], [req('Lte', '4')]],
    ['Exists becomes In', [req('Exists')], [req('In', '4')]],
    [
      'NotIn becomes Exists (the label must now be set)',
      [req('NotIn', '4')],
      [req('Exists')],
    ],
    [
      'an ANDed bound is added',
      [req('Gt', '2')],
      [req('Gt', '2'), req('Lt', '64')],
    ],
    [
      'a bound range becomes a list missing a value',
      [req('Gt', '3'), req('Lt', '9')],
      [req('In', '4', '8')],
    ],
    ['the operator is unknown', [req('In', '4')], [req('Near', '4')]],
  ])(
    'narrows when %s: NodeClaims that no longer match drift',
    (_, before, after) => {
      expect(requirementImpact(before, after)).toEqual({
        impact: 'mayReplaceNodes',
        why: 'requirements narrowed: NodeClaims whose labels no longer match are marked Drifted (RequirementsDrifted)',
      });
    },
  );

  it('treats a minValues change alone as no replacement (Compatible ignores minValues)', () => {
    const families = (minValues?: number): Requirement => ({
      ...req('In', '4', '8', '16'),
      ...(minValues === undefined ? {} : { minValues }),
    });
    for (const [before, after] of [
      [families(1), families(3)],
      [families(3), families(1)],
      [families(2), families()],
    ]) {
      expect(requirementImpact([before], [after]).why).toMatch(/minValues/);
      expect(impact([before], [after])).toBe('noReplacement');
    }
  });
});
