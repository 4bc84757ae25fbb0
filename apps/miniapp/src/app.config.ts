/**
 * Only the tab-bar pages live in the main package (WeChat's 2 MB main-package limit);
 * everything else is a subpackage loaded when first opened.
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/tickets/index', 'pages/me/index'],
  subPackages: [
    { root: 'subpackages/auth', pages: ['login/index'] },
    { root: 'subpackages/ticket', pages: ['report/index', 'detail/index'] },
    { root: 'subpackages/inbox', pages: ['index'] },
    {
      root: 'subpackages/household',
      pages: [
        'mine/index',
        'join/index',
        'rooms/index',
        'file/index',
        'move-out/index',
        'slips/index',
        'apply/index',
        'approvals/index',
        'reviews/index',
        'move-in/index',
        'reads/index',
      ],
    },
    {
      root: 'subpackages/staff',
      pages: [
        'calls/index',
        'outbox/index',
        'calendar/index',
        'sla-policies/index',
        'outages/index',
        'work-orders/index',
        'duty/index',
        'categories/index',
        'extensions/index',
        'household-sheet/index',
        'move-outs/index',
        'profile/index',
        'move-ins/index',
        'structure/index',
      ],
    },
    { root: 'subpackages/gate', pages: ['verify/index'] },
    { root: 'subpackages/dashboard', pages: ['index', 'tickets/index', 'reports/index'] },
    { root: 'subpackages/feedback', pages: ['callbacks/index', 'coverage/index'] },
    {
      root: 'subpackages/surveys',
      pages: ['answer/index', 'mine/index', 'rounds/index', 'results/index'],
    },
    {
      root: 'subpackages/care',
      pages: ['planner/index', 'greetings/index', 'gifts/index', 'notices/index', 'events/index'],
    },
    // Demo mode (H5): the simulated WeChat customer-service chat; in WeChat, 联系客服 opens WeChat's own.
    { root: 'subpackages/chat', pages: ['index'] },
  ],
  // H5 only: no slide-in between pages (a web page does not animate route changes; screenshots stay still).
  animation: false,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里',
    navigationBarTextStyle: 'black',
    // H5 draws its own title bar with a back button from this (WeChat draws its own in the weapp build).
    navigationStyle: 'default',
    backgroundColor: '#f5f6f7',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#1a7f5a',
    backgroundColor: '#ffffff',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/tickets/index',
        text: '工单',
        iconPath: 'assets/tab/tickets.png',
        selectedIconPath: 'assets/tab/tickets-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
});
