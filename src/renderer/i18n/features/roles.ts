import { featureStrings } from '../feature-strings'

/** Strings of the role-aware desk and the auto-lock (both languages). */
export const rolesStrings = featureStrings(
  {
    onlyFor: {
      administrator: 'Administrators only',
      support: 'Support agents only'
    },
    notAvailable: {
      title: 'Not available to your role',
      securityText: "The security of internal users is managed by administrators. Ask an administrator if this account needs a change."
    },
    autoLock: {
      settings: 'Auto-lock settings',
      settingsTitle: 'Auto-lock',
      after: 'Lock the desk after',
      minutes: 'minutes idle',
      hint: 'The desk covers its content and asks for your password again. Nothing you typed is lost.',
      lockedTitle: 'PortalDesk is locked',
      lockedText: 'Locked after {{minutes}} min without activity. Enter the password of {{login}} to continue where you left off.',
      password: 'Password',
      passwordRequired: 'Enter your password.',
      unlock: 'Unlock',
      wrongPassword: 'That password is not correct. Try again.',
      signOutInstead: 'Sign out instead'
    },
    connectionColour: {
      label: 'Colour',
      hint: 'Shown in the header while this connection is active, so production is never mistaken for staging.',
      names: {
        grey: 'Grey',
        blue: 'Blue',
        green: 'Green',
        orange: 'Orange',
        red: 'Red',
        purple: 'Purple'
      }
    }
  },
  {
    onlyFor: {
      administrator: '仅限管理员',
      support: '仅限客服人员'
    },
    notAvailable: {
      title: '您的角色无法使用此功能',
      securityText: '内部用户的安全设置由管理员管理。如果此帐户需要更改，请联系管理员。'
    },
    autoLock: {
      settings: '自动锁定设置',
      settingsTitle: '自动锁定',
      after: '空闲多久后锁定',
      minutes: '分钟',
      hint: '桌面将遮盖内容并再次要求输入密码。已输入的内容不会丢失。',
      lockedTitle: 'PortalDesk 已锁定',
      lockedText: '已空闲 {{minutes}} 分钟，桌面已锁定。请输入 {{login}} 的密码以继续之前的工作。',
      password: '密码',
      passwordRequired: '请输入密码。',
      unlock: '解锁',
      wrongPassword: '密码不正确，请重试。',
      signOutInstead: '改为退出登录'
    },
    connectionColour: {
      label: '颜色',
      hint: '此连接处于活动状态时显示在页眉中，以免将生产环境误认为测试环境。',
      names: {
        grey: '灰色',
        blue: '蓝色',
        green: '绿色',
        orange: '橙色',
        red: '红色',
        purple: '紫色'
      }
    }
  }
)
