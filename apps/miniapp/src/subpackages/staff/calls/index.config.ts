export default definePageConfig({
  navigationBarTitleText: '电话任务',
  enablePullDownRefresh: true,
});
