import { Role } from '@linli/contracts';
import { memberView } from './member-view';

const PERSON = { phone: '13812341234', idNumber: '110105199001011234' };
const MASKED_PHONE = '138****1234';
const MASKED_ID = '110***********1234';

describe('what each viewer sees of a person on a household file', () => {
  it.each<[Role, boolean, string, string, boolean]>([
    // role, looking at themselves, phone, ID number, sees WeChat reach
    [Role.Resident, false, MASKED_PHONE, MASKED_ID, false],
    [Role.Resident, true, PERSON.phone, MASKED_ID, false],
    [Role.Assistant, false, PERSON.phone, MASKED_ID, true],
    [Role.Supervisor, false, PERSON.phone, PERSON.idNumber, true],
    [Role.Admin, false, PERSON.phone, PERSON.idNumber, true],
    [Role.Guard, false, MASKED_PHONE, MASKED_ID, false],
  ])('%s (self: %s)', (role, self, phone, idNumber, showsReach) => {
    expect(memberView({ role, self }, PERSON)).toEqual({ phone, idNumber, showsReach });
  });

  it('shows nothing where nothing is on file', () => {
    expect(
      memberView({ role: Role.Supervisor, self: false }, { phone: null, idNumber: null }),
    ).toEqual({ phone: null, idNumber: null, showsReach: true });
  });
});
