/** Who a signed-in user is. A user has exactly one role; residents are bound to a household. */
export enum Role {
  Resident = 'resident',
  Assistant = 'assistant',
  Supervisor = 'supervisor',
  Admin = 'admin',
  /** The gate guard (保安/门岗): may only check release slips (放行条) at the gate, nothing else. */
  Guard = 'guard',
}

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Resident]: '住户',
  [Role.Assistant]: '礼宾助理',
  [Role.Supervisor]: '管理处主任',
  [Role.Admin]: '系统管理员',
  [Role.Guard]: '保安/门岗',
};

/** Every role there is. Only for what anyone signed in may do (who am I); the guard is among them. */
export const ALL_ROLES: readonly Role[] = [
  Role.Resident,
  Role.Assistant,
  Role.Supervisor,
  Role.Admin,
  Role.Guard,
];

/** The property company's office: assistants, supervisors and the administrator. Not the gate guard. */
export const STAFF_ROLES: readonly Role[] = [Role.Assistant, Role.Supervisor, Role.Admin];

/** Everyone who uses the service itself (tickets, messages, categories): residents and the office. Not the gate guard. */
export const SERVICE_ROLES: readonly Role[] = [Role.Resident, ...STAFF_ROLES];
