"""Traditional → simplified Chinese for the characters residents actually type.

Some residents write in 繁體 (from Hong Kong, Taiwan or an old input method). The model is
trained on simplified text, so we fold the common traditional forms onto simplified ones
before feature extraction. A table keeps us free of a heavy dependency: the pairs below, then
the ~2,500 of nlu/data/zh_traditional.txt (from OpenCC's, only those that fold the same in
every word), so "擔心", "厲害", "腫了" read as the simplified words the red flags and the model know.
"""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "zh_traditional.txt"

# Pairs of (traditional, simplified), one character each. Ambiguous forms whose
# simplification depends on the word (e.g. 乾/干, 著/着, 髮/发 vs 發/发 both fine) are
# only listed when the mapping is unconditional.
_PAIRS = (
    "醫医 院院 幫帮 來来 們们 這这 個个 說说 話话 電电 氣气 護护 藥药 樓楼 號号 門门 開开 關关 "
    "請请 謝谢 見见 愛爱 過过 邊边 還还 頭头 會会 對对 時时 間间 體体 麼么 讓让 買买 賣卖 "
    "錢钱 養养 貼贴 險险 問问 題题 應应 該该 聽听 聲声 語语 東东 車车 髮发 發发 熱热 煙烟 燒烧 "
    "燈灯 斷断 腦脑 臟脏 壓压 糖糖 傷伤 痛痛 嗎吗 啊啊 裡里 裏里 廚厨 廳厅 臥卧 鎖锁 嚴严 "
    "緊紧 動动 彈弹 暈晕 呼呼 吸吸 無无 憂忧 慮虑 歲岁 媽妈 爺爷 奶奶 孫孙 兒儿 與与 為为 "
    "實实 現现 幾几 點点 鐘钟 給给 從从 後后 盡尽 經经 濟济 補补 領领 辦办 證证 戶户 籍籍 "
    "認认 驗验 紙纸 將将 沒没 趕赶 緊紧 滅灭 災灾 務务 員员 區区 街街 風风 險险 報报 警警 "
    "竊窃 偷偷 賊贼 闖闯 搶抢 劫劫 綁绑 梯梯 困困 層层 陽阳 臺台 樂乐 歡欢 喜喜 謂谓 "
    "療疗 診诊 術术 針针 檢检 查查 顧顾 陪陪 隨随 訪访 網网 絡络 線线 鄰邻 居居 委委 "
    "員员 長长 讀读 寫写 學学 習习 類类 費费 額额 資资 級级 帳账 賬账 銀银 轉转 續续 "
    "換换 當当 總总 統统 憑凭 義义 務务 剪剪 飯饭 餐餐 館馆 燉炖 鍋锅 碗碗 湯汤 煤煤 "
    "爐炉 衛卫 浴浴 廁厕 滑滑 倒倒 摔摔 跌跌 腳脚 膝膝 蓋盖 腿腿 腰腰 頸颈 臉脸 嘴嘴 "
    "齒齿 舊旧 雙双 單单 親亲 戚戚 鬧闹 靜静 夢梦 睏困 覺觉 歷历 憶忆 種种 錯错 誤误 "
    "麻麻 煩烦 難难 過过 錄录 簡简 測测 量量 計计 劃划 準准 備备 態态 據据 樣样 處处 "
    "纔才 並并 囉啰 喲哟 嗚呜 嘍喽 謹谨 慎慎 確确 雖虽 誰谁 們们 別别 嗎吗 呢呢 "
    "氣气 著着 務务 極极 費费 鬆松 輕轻 緩缓 難难 孤孤 獨独 寂寂 寞寞 悶闷 煩烦 "
    "喪丧 葬葬 撫抚 卹恤 遺遗 屬属 殘残 疾疾 貧贫 困困 障障 業业 僱雇 職职 訓训 練练 "
    "達达 術术 靈灵 魚鱼 雞鸡 鴨鸭 豬猪 頓顿 飽饱 餓饿 渴渴 涼凉 凍冻 溫温 暖暖 燙烫 "
    "陣阵 陸陆 慶庆 節节 週周 禮礼 興兴 趣趣 聯联 繫系 係系 復复 複复 穩稳 問问 "
    "試试 機机 塊块 靈灵 懂懂 錶表 鐘钟 遞递 曬晒 邊边 "
    # Place names in addresses.
    "國国 華华 園园 廣广 場场 龍龙 漢汉 橋桥 黃黄 鄉乡 莊庄 蘇苏 濱滨 灣湾 鎮镇 縣县 寧宁 "
    "豐丰 滙汇 匯汇 嶺岭 閔闵 貴贵 島岛 臨临 鳳凤 榮荣 勝胜 雲云 淺浅 瀏浏 濱滨 壽寿 "
)



def _read(path: Path) -> dict[str, str]:
    words = [w for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
             for w in line.split()]
    return {w[0]: w[1] for w in words}


_FOLD = {**_read(DATA), **{p[0]: p[1] for p in _PAIRS.split() if p[0] != p[1]}}  # our own table decides
TABLE = str.maketrans(_FOLD)


def pairs() -> list[tuple[str, str]]:
    """The (traditional, simplified) pairs that actually differ, for tests and audits."""
    return list(_FOLD.items())
