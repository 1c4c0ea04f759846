"""The everyday words bot/flows/chat.py answers: which kind a whole message is, or None.

Read on the message folded like the model's input (simplified characters, half-width, lower case), its punctuation
dropped and its spaces too where they part Chinese words ("试一下 看看灵不灵": voice input), kept between English
ones ("who are you"). Each pattern is for a WHOLE message (fullmatch) unless marked "anywhere" (then only in a short
one naming no ailment; a number instead of True: in one up to that long): a message that says more than these words
is read as usual, and one with a danger in it never comes here.
"""
from __future__ import annotations

import re

from nlu.features import normalise

from .understanding import AILING

ANYWHERE_CHARS = 10  # a pattern marked "anywhere" answers a message this short, naming no ailment

MARKS = r"[\s?？.。,，、…~～·]+|[😊🙂😀😃😄😁☺️👋]+"  # only these ("!!!" may be a cry; "😭" is read as usual)
_NOISE = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])|[,，。.、…~～·!！?？]+")
_PARTICLE = r"(了|啊|呀|哦|吧|呢|的|啦)?"
_ACT = r"(买(个|点|些)?菜|买汰烧|买(点)?东西|散散?步|走走|转转|遛弯|溜达|锻炼|晒晒?太阳|买早饭|拿(个)?快递|吃(个)?饭|逛逛|白相(一歇|一会儿?)?|玩(一会儿?)?)"
_BP = (r"(我|阿拉)?(的)?(今天|今朝|早上|早晨|刚才|刚刚|昨天|晚上)?(量了?(一下)?)?(血压)?(血压|高压)"
       r"(量了?(一下)?|量出来|测了?(一下)?|是|有|有点高|有些高|偏高|又高了|高了)*")  # "量了血压 高压168"
_PLACE = r"(外面|楼下|公园|菜场|菜市场|超市|小区(里)?|花园|(社区|老年)?食堂|助餐点)"

KINDS = (  # (kind, pattern, anywhere); the first that fits wins
    ("testing", r"我?(在|来|就是|只是)?(测试|试试|试一下|试一试|试用|测一下|测一测)(一下|下)?(看|看看)?(这个|一下)?"
                r"(按钮|机器人|小助手|系统|软件|程序)?(灵不灵|好不好用|能不能用|行不行|有没有用|能用吗|好用吗)?" + _PARTICLE
                + r"|(这个)?(东西|按钮|机器人)?(能用|好用|灵)(吗|伐|不灵|不)|(just )?(a )?(test(ing)? ?)+(123)?", False),
    ("going_out", r"我?(现在|要|先|等下|等一下|准备|这就)?((出去|出门|下楼|下去)(一下下?|一趟|了)?" + _PLACE + "?" + _ACT
                  + r"?|(去|到)" + _PLACE + _ACT + r"?|(去|到)?" + _PLACE + "?" + _ACT + r")(了|去了|啦|哦|啊|去|一下)?"
                  r"(一会儿?回来|马上回来)?", False),
    ("pressed", r"按错|误按|点错|碰错|不小心(按|点|碰)|手滑", True),
    # the buttons themselves asked for ("按钮不见了", "菜单", "返回"): they come back, nothing else
    ("menu", r"(按钮|按键|菜单)(不见|没有|没|找不到|在哪里?|呢)(了)?|(找不到|没有|看不到|看不见)(按钮|按键|菜单)(了)?|(主)?菜单|主页|首页|返回"
             r"|回到?(主页|首页|开头)|重新开始|从头(开始|来)|重来|取消|退出|(main )?menu|start over|go back|cancel"
             r"|(the )?buttons? (are |is )?(gone|missing)|where are the buttons", False),
    ("marks", MARKS, False),
    ("digit", r"\d{1,2}", False),  # "1", "11": a menu's number, as on a phone line — the big buttons are pressed
    ("hotline_12345", r"\W*12345\W*", False),
    ("hotline_12333", r"\W*12333\W*", False),
    ("dial", r"\+?(86)?[ -]?1\d{2}[ -]?\d{4}[ -]?\d{4}|0\d{2,3}[ -]?\d{7,8}", False),  # a phone number alone
    # who is on duty ("今天谁值班", "哪个社工值班"): the roster's names, and 🆘 reaches them
    ("on_duty", r"(今天|现在|今朝|这会儿?)?(是)?(谁|哪个|哪位|啥人)(社工)?(在)?值班(啊|呀|呢|的)?|who'?s on duty( today| now)?"
                r"|who is on duty( today| now)?", False),
    ("time", r"(请问)?((现在|这会儿?)?(是)?(几点(钟)?|什么时候)(了)?|(今天|明天|昨天|今朝)(是)?(礼拜|星期|周)(几|天|日|[一二三四五六])|天(还)?(亮|没亮)了?(没|没有)?)"
             r"(啊|呀|呢|吗|伐)?", False),
    ("who", r"(你|您|侬)(是)?(不是)?(谁|什么人|哪位|机器人|真人|真的人|活人|人|电脑|ai|人工智能)"
            r"(还是(机器人|真人|电脑|人))?(吗|啊|呀|伐|么|呢)?|(你|您|侬)叫(什么|啥)(名字)?(啊|呀)?"
            r"|are you (a )?(robot|bot|human|real( person)?)|who are you", False),
    ("birthday", r"(今天|今朝)(是)?我(的)?(生日|大寿|八十大寿|九十大寿)" + _PARTICLE + r"|我?(今天|今朝)我?(过)?(生日|大寿)" + _PARTICLE,
     False),
    # good news of hers or her family's, told: a warm word, nobody bothered
    ("good_news", r"我?的?(孙子|孙女|外孙|外孙女|儿子|女儿|媳妇|女婿|重孙子?|曾孙)(要|今天|明天|下个月|终于|也)?(结婚|考上(了)?"
                  r"(大学|研究生|高中|博士)?|毕业|生(了)?(个)?(孩子|宝宝|儿子|女儿|小孩)|升职|升官|找到(了)?(工作|对象)|出国|订婚)"
                  r"(了|啦|啊|呀)?|我(当|做)(上)?(了)?(太|外)?(奶奶|爷爷|外婆|外公|太太)(了|啦)?|我抱(上)?(了)?(重孙子?|孙子|孙女|曾孙)(了|啦)?"
                  r"|我(学会|会)(用|发|打)?(了)?(微信|视频|视频电话|语音|打字|手机|智能手机)(了|啦)?"
                  r"|my (grand)?(son|daughter|child|kid|grandchild) (is getting|got) (married|engaged|a job|into \w+( \w+)?)"
                  r"|my (grand)?(son|daughter|child|kid) (had|has had) a (baby|boy|girl)"
                  r"|i (have )?(learned|learnt) (how )?to use (wechat|the phone|video calls?)", False),
    # her day, told as done ("我今天去公园了"), or the weather's kindness: a warm word ("我去公园" is going_out's)
    ("day_done", r"我?(今天|今朝|刚才|刚刚|上午|下午|早上|早晨)(去|到)(了)?" + _PLACE + r"(了|回来了|玩了|(转|走)了(一)?圈|走走)?"
                 r"|我?(今天|今朝|刚才|刚刚|上午|下午|早上|早晨)?(去|到)?" + _PLACE + r"?(转|走)了(一)?圈(了|回来了)?"
                 r"|我?(今天|今朝|刚才|刚刚|上午|下午|早上|早晨)?(去)?(打|练|跳|做)(了)?(太极拳?|太极剑|广场舞|操|早操|八段锦|健身操)(了|去了|回来了)?"
                 r"|我?(今天|今朝|刚才|刚刚|刚)?(散步|锻炼|遛弯|买菜|晒太阳)回来(了|啦)?"
                 r"|(今天|今朝)?(天气|太阳)(真|好|很|蛮|交关|老)?(好|不错|暖和|舒服)(啊|呀|哦|了|啦)?", False),
    # a sigh about age ("哎 老了": the model leant to a cry, 0.20): a warm word ("不中用了" is read as usual: her mood)
    ("aging", r"(哎|唉|哎呀|唉呀|嗨|咳)?(人|我)?(真的|真是|也|是)?(老了|年纪大了|岁数大了|上年纪了|上了年纪了?)(老了)*"
              + _PARTICLE + r"(呀|啊|哦)?|(oh )?(i'?m|i am) (getting|so|very|too) old( now)?|(i'?m |i am )?getting old"
                            r"|(i'?m|i am) old now", False),
    ("eaten", r"(你|您|侬)?吃(过|了)?(饭|早饭|午饭|晚饭|中饭|夜饭)?(了|过了)?(吗|伐|没|没有|么|了没)", False),
    ("phone", r"(电话|号码|手机号)(是)?(多少|几号|是什么)|怎么(联系|找)(你们|居委会|社工)|(联系|找)(你们|居委会)(怎么|的)(电话|方式)"
              r"|what'?s your (phone|number)", True),
    ("hear", r"(你)?(能)?听(得)?(见|到|懂)(我)?(说话|讲话)?(吗|伐|么|不)|我说话你听(得)?(见|到|懂)(吗|伐|么|不)?", False),
    ("voice", r"不会打字|打字(太|好|很)?(慢|难|累|费劲|不方便)|不识字|不认(识)?字|(要|想|能|可以)(发)?语音|(用|发)语音", True),
    ("medicine", r"忘(记|了)?了?吃(了)?药|药.{0,3}忘(记|了)?了?吃|药(还)?没吃(?!完)|(不记得|记不得|记不清|想不起来?).{0,4}吃.{0,3}药"
                 r"|forg[eo]t (to take )?(my |the )?(pills?|medicines?|medication|tablets?)", 30),
    ("thunder", r"我?(最|有点|有一点|好|很|真|老|蛮|就|一直)?(害怕|怕|吓)(打雷|雷声|响雷|打闪|闪电)" + _PARTICLE
                + r"|(外面|外头)?(在|又)?(打雷|打雷闪电|打闪)(了|啦)?"
                + r"|(打雷|雷声)(好|很|真|太|老)?(吓人|可怕)" + _PARTICLE
                + r"|((外面|外头)?(在|又)?(下(大)?雨|落(大)?雨)(了)?)?(打雷|雷声?)(好|很|真|太|老)?(响|大)" + _PARTICLE
                + r"|(i'?m |i am )?(so |very |really |a bit )?(scared|afraid|frightened) of (the )?thunder(storms?)?",
     False),
    ("quarrel", r"(外面|外头|楼下|楼上|隔壁|对门|门口|门外|楼道|邻居)(家)?(又|在|有人|有人在|又有人|又在)?(吵架|吵起来|吵吵闹闹|吵闹)(了|呢)?"
                r"(好|很|真|太|老)?(吓人|可怕|怕人|吓煞人)?" + _PARTICLE, False),  # a quarrel heard: no fight, no harm
    ("night_up", r"我?(现在|半夜|夜里|晚上)?(要|先|准备)?(起来|起床|爬起来)?(去)?(上(个|一下)?厕所|起夜|解手|小便|尿尿|洗(个)?澡)"
                 + _PARTICLE + r"|(半夜|夜里)(起来)?起夜" + _PARTICLE, False),  # going now: when old people fall
    # heard in the night: is she safe? (a break-in named is a red flag)
    ("noise_outside", r"(屋里厢|屋里|家里)?(外面|外头|外边|屋外|门外|窗外|门口|楼道(里)?|走廊(里)?|半夜|夜里)?(好像|一直|老是|总是)?"
                      r"(有)(点|一点|些)?(啥|什么)?(声音|响声|动静|怪声|声响|响动|脚步声)" + _PARTICLE
                      + r"|(外面|门外|门口)?(有人)(在)?(敲门|按门铃)" + _PARTICLE + r"|我?(听到|听见)(外面)?有人(在)?哭(声)?" + _PARTICLE
                      + r"|(there'?s|there is|i (can )?hear|i heard) (a |some )?(strange |funny )?(noise|sound)s?"
                        r" outside", False),
    ("nightmare", r"(我|阿拉)?(刚才|刚刚|又|夜里|半夜)?(做|作)(了)?(个|一个)?(噩梦|恶梦|怪梦)" + _PARTICLE
                  + r"(好|很|有点)?(怕|害怕|吓人|吓醒了?|醒了|睡不着了?)?" + _PARTICLE
                  + r"|(我|阿拉)?(刚才|刚刚|刚|又|昨晚|昨天夜里)?(做|作)(了)?(个|一个)?梦" + _PARTICLE
                  + r"|i (just )?(had|have had) a (bad dream|nightmare)", False),
    # thirst, not illness (an ailment beside it: read as usual)
    ("thirst", r"我?(好|很|有点|老|真)?(口渴|口干|渴)(了|死了|得很|得厉害|得要命)?(想喝(点|口)?水)?" + _PARTICLE
               + r"|我?(的)?(嘴巴?|口|喉咙|嗓子)(好|很|有点|老|真)?干(了|得很)?(想喝(点|口)?水)?" + _PARTICLE
               + r"|我?(想|要|去|起来|起来去|要起来)喝(点|口|杯)?水" + _PARTICLE + r"|(i'?m|i am) (so |very |a bit )?thirsty"
               + r"|我?(去|起来|要去|起来去)?倒(杯|点|口|一杯)?(水|开水|热水)(喝)?" + _PARTICLE, False),
    # alone in the night: afraid of the dark, cold in bed — what to do, and a call one tap away
    ("dark_fear", r"我?(有点|好|很|老|真|一直|最)?(怕黑|害怕黑|怕暗)" + _PARTICLE, False),
    ("cold_bed", r"我?(好|很|有点|太)?冷(啊)?(被子|被头)(太|好|有点)?(薄|不暖和|不够厚)" + _PARTICLE
                 + r"|(被子|被头)(太|好|有点)?(薄|不暖和|不够厚)(了)?(好|很|有点)?冷" + _PARTICLE
                 + r"|(晚上|夜里|半夜)?(冷得|冻得)(睡不着|困不着|困勿着)(觉)?" + _PARTICLE, False),
    # hunger in the night: something light to eat, staff one tap away (not "需要马上有人来吗？", the model 0.32); by day
    # "我饿了" is a request (no food at home?): tests/test_urgency_dialect.py
    ("hungry", r"(我|阿拉)?(半夜|夜里|夜里厢|晚上|深夜)(里)?(我)?(肚子|肚皮)?(好|很|有点|老|真|又)?饿(了|死了|坏了|得慌|得很|醒了?)?"
               r"(得)?(睡不着|困不着|困勿着)?(觉)?(了)?(想吃(点)?东西)?" + _PARTICLE
               + r"|(我|阿拉)?(肚子|肚皮)?(好|很|有点|老|真|又)?饿得(睡不着|困不着|困勿着)(觉)?" + _PARTICLE
               + r"|(i'?m|i am) (so |very |a bit )?hungry (tonight|at night|in the night)", False),
    # a temperature asked about, not told ("体温39度正常吗": no fever red flag, a question): what is a fever, one tap
    ("temperature_asked", r"我?的?(体温|发烧|发热|烧到|量了?(一下)?体温)(有|是|到了?|量出来是?)?(\d{2,3}|[三四]十[一二三四五六七八九]?)"
                          r"(度|°c?)?(\d|[一二三四五六七八九])?(正常|要紧|算高|算不算高|高不高|算发烧|算不算发烧|是不是发烧|是发烧"
                          r"|算高烧|是高烧|严重)(吗|伐|不|么)?" + _PARTICLE, False),
    ("snoring", r"(((我|阿拉)的?)?(老伴|老头子?|老太婆|老公|老婆|爱人)|他|伊)?(在|又|又在)?(打呼噜?|打鼾|呼噜(声)?)(打得)?(好|很|太|老|真|震天)?"
                r"(响|大|吵)?(了|啊)?(吵得)?(我)?(都)?(睡不着|困不着|困勿着)?(觉)?" + _PARTICLE, False),  # no alarm; the signs
    ("careful", r"我?(正|正在)?(蹲|趴|弯腰|蹲下|弯下腰)?(来)?(在)?(地上|地下|地板上|床底下|桌子底下|沙发底下)(捡|拣|找|摸)(个|点|一下)?"
                r"(东西|眼镜|钥匙|药|药片|手机|遥控器|硬币|钱|纽扣)" + _PARTICLE
                + r"|我?(正|正在)?(弯腰|蹲下|弯下腰)?(捡|拣)(个|点|一下)?东西" + _PARTICLE
                + r"|我?(刚|刚刚|已经)?从楼上(走)?下来" + _PARTICLE
                + r"|我?(刚|刚刚|已经)?(上完|上好|上过|解完|解好)(了)?(厕所|洗手间|卫生间|手)" + _PARTICLE  # back from it
                + r"|我?(已经|刚|刚刚)?(开了灯|开灯了|把灯(打)?开了|灯(已经)?(打)?开(好)?了)" + _PARTICLE, False),  # no fall: slowly
    ("weather", r"(外面|外头|外边|今天|今朝|现在)?(又|在|开始)?(下雨|下大雨|下小雨|落雨|落大雨|下雪|落雪|刮风|刮大风|起风|出太阳|天晴)"
                r"(了|啦|咯)?(啊|呀)?|(今天|今朝)?(的)?天气(老|蛮|很|真|挺|交关|还)?(好|不错|好额|灵|晴)(额|的)?(啊|呀|哦)?"
                r"|(it'?s|it is) (raining|snowing|windy|sunny|a (lovely|nice|fine) day)( outside| today)*"
                # and staying in because of it ("今天下雨 不出门", "外面好冷 我在家待着"): at home, well enough to say so
                r"|(外面|外头|外边|今天|今朝)?(又|在)?(下雨|下大雨|落雨|下雪|落雪|刮风|刮大风|(好|很|太|老)(冷|热))(了|啦)?"
                r"(我)?(就|还是)?(不出门|不出去|不下楼|在家(里)?(待着|呆着|歇着|休息)?)(了|啦|吧)?", False),  # in passing
    # afraid of slipping in the bath ("我要洗澡 怕滑"): how to be safe, and a call one tap away (a fall told is a cry)
    ("bath", r"我?(要|想|准备|等下)?洗(个)?澡(了)?(又|就|有点|好|老|总)?(怕|担心|害怕)(会)?(滑|摔|跌|滑倒|摔倒|跌倒|跌跤)(倒|跤)?" + _PARTICLE
             + r"|我?(怕|担心|害怕)洗澡(的时候|时)?(会)?(滑|摔|跌|滑倒|摔倒|跌倒|跌跤)(倒|跤)?" + _PARTICLE, False),
    # the bot's text too small for her eyes ("字太小了看不清"): how to make it bigger, or send a voice, or phone
    ("small_text", r"(这|这些|手机上的?|屏幕上的?|上面的?)?(字|字体)(太|好|有点|实在|老)?(小|细)(了|啊)?(我)?(看不清|看不见|看勿清|看不到)?(楚)?(了)?"
                   r"|(字|字体)(我)?(看不清|看不见|看勿清)(楚)?(了)?|看不清(楚)?(字|上面的字)"
                   r"|(the )?(text|letters|words|font|writing) (is |are )?(too|so|very) (small|tiny)( to read)?", False),
    # a check-up that went well ("今天去医院复查了 医生说没事"): glad to hear it
    ("checkup_ok", r"(我)?(今天|今朝|刚|刚刚|刚才|昨天)?(去)?(医院|门诊|地段医院)?(复查|复诊|体检|检查)(过|好)?(了)?(回来了)?(医生|大夫)(讲|说)"
                   r"(没事|没问题|一切正常|都正常|正常|挺好|蛮好|老好|呒没事体)(的|了|额)?(啊|呀)?", False),
    ("family_called", r"(我的?|阿拉)?(女儿|儿子|孙子|孙女|外孙|外孙女|媳妇|女婿|侄子|侄女|家里人|亲戚)(刚|刚刚|刚才|今天|今朝|昨天)?(给我|跟我)?"
                      r"(打|来|发)(了|过)?(个)?(电话|视频)(来|给我)?(了|过了)?(啊|呀)?"
                      r"|(我的?|阿拉)?(女儿|儿子|孙子|孙女|外孙|外孙女|媳妇|女婿|侄子|侄女|家里人|亲戚)(明天|明朝|今天|今朝|下午|晚上|周末|礼拜天|星期天|过两天)?"
                      r"(要|会)?(来|过来)(看|陪)(我|阿拉)(了|啦|啊|呀)?"
                      r"|my (daughter|son|grandson|granddaughter|family|children|kids) (is |are )?(visiting|coming)( to see me)?"
                      r"( today| tomorrow| this weekend| later)?", False),  # good news, nothing asked
    ("busy", r"我?(现在)?(正|正在|在)(家里?|厨房(里)?|屋里(厢)?)?(烧饭|做饭|煮饭|烧菜|炒菜|洗碗|洗衣服|晾衣服|看电视|听收音机|看报纸?"
             r"|打扫(卫生)?|拖地|扫地|浇花|吃饭|吃早饭|吃午饭|吃晚饭)" + _PARTICLE
             + r"|(水|开水|饭|粥|汤)(烧)?(开|好)了" + _PARTICLE
             + r"|the (soup|water|kettle|rice|porridge) (is|has) (boiling|boiled|ready|done)|the kettle'?s boiled", False),  # the kettle boiled: busy at the stove
    # a medicine taken for years, told ("药吃了两年了": the model leant to a cry, 0.20): the doctor, a call one tap away
    ("medicine_years", r"(这个|这|那个)?[\u4e00-\u9fff]{0,4}药(我|阿拉)?(都|已经|一直|也)?(吃|服)(了|过)?"
                       r"(好|十|几|两|二|三|四|五|六|七|八|九|一|半|\d){1,4}(多)?(个)?(年|个月|年头)(多)?" + _PARTICLE, False),
    # car or sea sickness ("我晕车", "坐公交车晕车 想吐": the model leant to a cry, 0.53): sit, air, one tap for a call
    ("carsick", r"我?(有点|好|老|又|也|会|容易|一直|就)*(坐(公交车?|车|汽车|大巴|巴士|出租车|地铁|船|飞机)(的时候|时)?)?(有点|好|又|老)?"
                r"(晕车|晕船|晕机|晕地铁)(了|的|啊|呀|得厉害|得难受)?(想吐|恶心|要吐|难受)?(了)?"
                r"|(i )?(get|got|am|'m|feel|felt|feeling)( a bit| so| very)? (car|sea|travel|motion|air)[ -]?sick( again| today)?",
     False),
    # a systolic of 160–179 told ("血压170/100", "高压165", "bp 170"): high, under the red flag's 180 (nlu/data/red_flags.yml)
    # — staff hear it as unwell, she reads a kind line (bot/flows/chat.py)
    ("bp_high", _BP + r"1[67]\d(/([4-9]\d|1[01]\d)|低压([4-9]\d|1[01]\d))?(多)?" + _PARTICLE
                + r"|" + _BP + r"一百[六七](十)?[一二三四五六七八九]?(多)?" + _PARTICLE  # "血压一百六十五", "高压一百七"
                + r"|(我|阿拉)?(的)?(今天|今朝|早上|早晨|刚才|刚刚|昨天|晚上)?(量了?(一下)?)?(血压)?低压(是|有)?1[01]\d" + _PARTICLE
                + r"|(my )?(blood pressure|bp)( reading)?( is| was| today| this morning)*( about| around| over)? 1[67]\d"
                  r"(/\d{2,3})?( today| this morning)?", False),
    # a blood-pressure number under 160, told: the doctor reads it, a call one tap away
    ("bp_reading", r"(我|阿拉)?(的)?(今天|今朝|早上|早晨|刚才|刚刚|昨天|晚上)?(量了?(一下)?)?(血压|高压)(量了?(一下)?|量出来|测了?(一下)?|是|有)*"
                   r"1[0-5]\d(/([4-9]\d|10\d)|低压([4-9]\d|10\d))?(多)?" + _PARTICLE
                   + r"|(我|阿拉)?(的)?血压(有点|有些|偏|比较)?低(了)?(量了?(一下)?|是|有)?([6-9]\d|1[0-3]\d)?(/[4-9]\d)?" + _PARTICLE,
     False),
    ("festival", r"(今天|今朝|明天|明朝)?(是|过)?(重阳节?|中秋节?|端午节?|元宵节?|春节|过年|新年|国庆节?|老人节|敬老节|腊八节?"
                 r"|小年|除夕|大年三十|年三十|大年初一|元旦)(了|啦|到了)?" + _PARTICLE, False),  # (清明, 冬至: days of grief)
    ("sorry", r"(对不起|不好意思|抱歉|sorry)" + _PARTICLE, False),
    # asking her listener to wait ("等一下", "稍等"): no request, nothing to do (the question waiting is kept)
    ("wait", r"(等一?下|等等|等一等|等一会儿?|稍等(一下)?|慢点|别急|(please )?wait( a (moment|minute|sec(ond)?))?|hold on"
             r"|one moment)(啊|呀|哦|吧|哈|我)?", False),
    ("ack", r"((好[的额]?|好吧|好嘞|好滴|嗯+|哦+|噢|喔|行|可以|ok|okay|是[的额]?|对[的额]?|收到|明白|晓得|了解|懂|知道|算了|(不用|覅|勿要)(来|麻烦)?"
            r"|没什么|没啥|不是的?|不对|没有|没错|就这些|就这样|没别的事|👍|👌|never ?mind|forget (about )?it|no thanks?"
            r"|no thank you)(了|啊|呀|哦)?)+", False),
)
# the model's small talk, and the line each gets
SMALL_TALK = {"greet": "talk.greet", "thank": "talk.thank", "goodbye": "talk.goodbye", "checkin_ok": "talk.fine"}
# whole messages that name no danger, however the model leans (0.63 for "老头子打呼噜太响了"): never the fast lane
CALM_KINDS = ("noise_outside", "nightmare", "thirst", "snoring", "careful", "hungry", "temperature_asked", "dark_fear",
              "cold_bed", "aging", "medicine_years", "bp_reading", "bp_high", "carsick")
_COMPILED = tuple((kind, re.compile(pattern), anywhere) for kind, pattern, anywhere in KINDS)

# typed to "要我帮您问问社工吗？" (the Q&A's offer)
YES = re.compile(r"(好的?|好吧|好呀|要|要的|嗯+|行|可以|是|是的|对|ok|okay|麻烦(你|您)?了?|谢谢)(啊|呀|吧)?")
NO = re.compile(r"(不用了?|不要了?|算了|不必了?|没事了?)(谢谢)?(啊|呀|吧)?|never ?mind|forget (about )?it|no thanks?|no thank you")
# an ambulance or the police declined: "不用叫救护车", "别打120 我好了" (anywhere in the message)
DECLINED = re.compile(r"(不用|不要|不需要|不必|用不着|别|勿要)(给我|帮我|替我)?(叫|打|拨)(个)?(救护车|120|110)"
                      r"|no need (to call )?(an |the )?ambulance", re.I)
# a question (the bot has none of the answers it is not given): "社区最近有什么活动", "明天会下雨吗"
QUESTION = re.compile(r"什么|啥|怎么|哪里|哪儿|哪个|几|吗|呢|伐|？|\?|多少|有没有|能不能|可不可以|是不是|会不会")

# when will they come ("你们什么时候到", "还要多久", "社工到了吗"): she is waiting for someone — on her open call
# (bot/incidents/said_after.py) or after a missed check-in (bot/checkins/conversation.py), the staff on it read it
WHEN_COMING = re.compile(r"什么时候(能|才能|会)?(到|来)|几时(到|来)|多久(能|才能|可以|会)?(到|来)|还要多久|还要等多久"
                         r"|(社工|人|你们)(到|来)了(吗|没|没有|伐)|\bwhen (will|are|is) (you|they|someone|somebody)\b",
                         re.I)


def core(text: str) -> str:
    """The words of `text` as the patterns read them."""
    folded = normalise(text)
    return folded if re.fullmatch(MARKS, folded) else _NOISE.sub("", folded).strip()


def kind_of(text: str) -> str | None:
    said = core(text)
    ailing = AILING.search(said)  # "我按错了 其实我腿很疼" is read as usual
    for kind, pattern, anywhere in _COMPILED:
        near = len(said) <= (ANYWHERE_CHARS if anywhere is True else anywhere) and not ailing
        if (pattern.search(said) and near) if anywhere else pattern.fullmatch(said):
            return kind
    return None
