export default definePageConfig({
  navigationBarTitleText: '延期审批',
  enablePullDownRefresh: true,
});
