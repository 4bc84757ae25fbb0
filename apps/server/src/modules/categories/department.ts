/** The departments that receive dispatched work (docs/domain-rules.md §1). */
export enum Department {
  Engineering = 'engineering',
  Environment = 'environment',
  Security = 'security',
  CustomerService = 'customer_service',
}

export const DEPARTMENT_LABELS: Record<Department, string> = {
  [Department.Engineering]: '工程部',
  [Department.Environment]: '环境部',
  [Department.Security]: '秩序部',
  [Department.CustomerService]: '客服部',
};
