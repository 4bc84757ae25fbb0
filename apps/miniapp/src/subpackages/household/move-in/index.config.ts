export default definePageConfig({ navigationBarTitleText: '入住登记' });
