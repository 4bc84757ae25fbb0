export default definePageConfig({
  navigationBarTitleText: '我的放行条',
  enablePullDownRefresh: true,
});
