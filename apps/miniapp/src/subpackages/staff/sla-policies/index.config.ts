export default definePageConfig({
  navigationBarTitleText: '服务时限标准',
  enablePullDownRefresh: true,
});
