export default definePageConfig({
  navigationBarTitleText: '楼栋房屋管理',
  enablePullDownRefresh: true,
});
