export default definePageConfig({
  navigationBarTitleText: '入住审批',
  enablePullDownRefresh: true,
});
