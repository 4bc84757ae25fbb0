export default definePageConfig({
  navigationBarTitleText: '我的回访',
  enablePullDownRefresh: true,
});
