export default definePageConfig({
  navigationBarTitleText: '节日关怀',
  enablePullDownRefresh: true,
});
