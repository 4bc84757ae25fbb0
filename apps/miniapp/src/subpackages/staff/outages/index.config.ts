export default definePageConfig({
  navigationBarTitleText: '停水停电通知',
  enablePullDownRefresh: true,
});
