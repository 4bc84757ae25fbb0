export default definePageConfig({ navigationBarTitleText: '搬出申请' });
