/** Who a signed-in user is. A user has exactly one role; residents are bound to a household. */
export enum Role {
  Resident = 'resident',
  Assistant = 'assistant',
  Supervisor = 'supervisor',
  Admin = 'admin',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Resident]: '住户',
  [Role.Assistant]: '礼宾助理',
  [Role.Supervisor]: '管理处主任',
  [Role.Admin]: '系统管理员',
};

export const ALL_ROLES: readonly Role[] = [Role.Resident, Role.Assistant, Role.Supervisor, Role.Admin];
