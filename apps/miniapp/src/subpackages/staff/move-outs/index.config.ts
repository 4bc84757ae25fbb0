export default definePageConfig({
  navigationBarTitleText: '搬出审批',
  enablePullDownRefresh: true,
});
