export default definePageConfig({
  navigationBarTitleText: '入住登记审核',
  enablePullDownRefresh: true,
});
