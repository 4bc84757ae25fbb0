import { Role, STAFF_ROLES } from '@linli/contracts';
import { maskIdNumber, maskPhone } from './identity';

/** Who is looking at a person on a household file (or a registration): their role and whether it is themselves. */
export interface MemberViewer {
  role: Role;
  /** The viewer is the person shown (a resident reading their own record), or the one who typed it in. */
  self: boolean;
}

/** Full ID numbers are for supervisors and admins; everyone else sees them masked (least privilege, per role). */
export function seesFullIdNumbers(role: Role): boolean {
  return role === Role.Supervisor || role === Role.Admin;
}

/** Staff call residents back and see their numbers; a resident sees their own, and housemates' masked. */
export function seesFullPhone(viewer: MemberViewer): boolean {
  return STAFF_ROLES.includes(viewer.role) || viewer.self;
}

/**
 * What `viewer` sees of a person's phone and ID number: the one masking rule of household files,
 * move-in registrations and exports. Staff also see whether WeChat can reach the person.
 */
export function memberView<P extends string | null, I extends string | null>(
  viewer: MemberViewer,
  person: { phone: P; idNumber: I },
): { phone: P; idNumber: I; showsReach: boolean } {
  return {
    phone: (person.phone === null || seesFullPhone(viewer)
      ? person.phone
      : maskPhone(person.phone)) as P,
    idNumber: (person.idNumber === null || seesFullIdNumbers(viewer.role)
      ? person.idNumber
      : maskIdNumber(person.idNumber)) as I,
    showsReach: STAFF_ROLES.includes(viewer.role),
  };
}
