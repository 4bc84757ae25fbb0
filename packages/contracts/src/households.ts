/** Household members' roles (domain.md §3). */
export enum MemberRole {
  Owner = 'owner',
  Family = 'family',
  Tenant = 'tenant',
  Relative = 'relative',
}

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  [MemberRole.Owner]: '业主',
  [MemberRole.Family]: '家属',
  [MemberRole.Tenant]: '租户',
  [MemberRole.Relative]: '借住亲属',
};

/** Documents kept on a household's file, as a checklist (domain.md §3). */
export enum HouseholdDocument {
  MoveInSignOff = 'move_in_sign_off',
  InterimCovenant = 'interim_covenant',
  PreliminaryServiceAgreement = 'preliminary_service_agreement',
  MoveInFeeReceipt = 'move_in_fee_receipt',
  HandoverInspection = 'handover_inspection',
  MemberRegister = 'member_register',
  RenovationAgreement = 'renovation_agreement',
  RenovationStartApplication = 'renovation_start_application',
  RenovationWorkerRegister = 'renovation_worker_register',
  RenovationPledge = 'renovation_pledge',
  RenovationFeeNotice = 'renovation_fee_notice',
  FireSafetyPledge = 'fire_safety_pledge',
  IdCopies = 'id_copies',
  FloorPlan = 'floor_plan',
}

export const HOUSEHOLD_DOCUMENT_LABELS: Record<HouseholdDocument, string> = {
  [HouseholdDocument.MoveInSignOff]: '入伙会签单',
  [HouseholdDocument.InterimCovenant]: '临时管理规约',
  [HouseholdDocument.PreliminaryServiceAgreement]: '前期物业服务协议',
  [HouseholdDocument.MoveInFeeReceipt]: '入伙交费单',
  [HouseholdDocument.HandoverInspection]: '接管验收记录',
  [HouseholdDocument.MemberRegister]: '住户成员情况登记表',
  [HouseholdDocument.RenovationAgreement]: '房屋装饰装修管理协议',
  [HouseholdDocument.RenovationStartApplication]: '装修开工申请表',
  [HouseholdDocument.RenovationWorkerRegister]: '装修人员登记表',
  [HouseholdDocument.RenovationPledge]: '装修承诺书',
  [HouseholdDocument.RenovationFeeNotice]: '装修缴费通知单',
  [HouseholdDocument.FireSafetyPledge]: '防火责任书',
  [HouseholdDocument.IdCopies]: '身份证复印件',
  [HouseholdDocument.FloorPlan]: '房屋平面图',
};
