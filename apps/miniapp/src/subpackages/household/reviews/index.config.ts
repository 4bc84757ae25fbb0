export default definePageConfig({ navigationBarTitleText: '档案复核' });
