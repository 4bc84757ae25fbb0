export default definePageConfig({
  navigationBarTitleText: '工作安排通知单',
  enablePullDownRefresh: true,
});
