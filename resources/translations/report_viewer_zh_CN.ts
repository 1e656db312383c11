<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartPanel</name>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>; %1</source>
        <translation>；%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Chart as SVG</source>
        <translation>将图表导出为 SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>No figures to chart here.</source>
        <translation>此处没有可绘制的数据。</translation>
    </message>
    <message>
        <source>Chart exported by Report Viewer</source>
        <translation>由报告阅读器导出的图表</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save this chart as PNG or SVG</source>
        <translation>将此图表保存为 PNG 或 SVG</translation>
    </message>
</context>
<context>
    <name>CollectionPicker</name>
    <message>
        <source>Collection</source>
        <translation>文集</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n report(s))</source>
        <translation>
            <numerusform>%1（%n 份）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Show in source</source>
        <translation>在原文中显示</translation>
    </message>
    <message>
        <source>Copy with citation</source>
        <translation>复制并附出处</translation>
    </message>
    <message>
        <source>Meeting: %1, %2</source>
        <translation>会议：%1，%2</translation>
    </message>
    <message>
        <source>Presented by %1 (%2)</source>
        <translation>报告人：%1（%2）</translation>
    </message>
    <message>
        <source>Presented by %1</source>
        <translation>报告人：%1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Headline figures</source>
        <translation>主要数据</translation>
    </message>
    <message>
        <source>Notes on the source</source>
        <translation>关于原文的说明</translation>
    </message>
    <message>
        <source>Serves: %1</source>
        <translation>服务于：%1</translation>
    </message>
    <message>
        <source>Raw file: %1 (SHA-256 %2)</source>
        <translation>原始文件：%1（SHA-256 %2）</translation>
    </message>
    <message>
        <source>Repairs: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <source>certainty: %1</source>
        <translation>确定性：%1</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>未采用</translation>
    </message>
    <message>
        <source>Year: %1</source>
        <translation>年份：%1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>As written: %1</source>
        <translation>原文写法：%1</translation>
    </message>
    <message>
        <source>Modifier: %1</source>
        <translation>修饰语：%1</translation>
    </message>
    <message>
        <source>Threshold: %1</source>
        <translation>门槛：%1</translation>
    </message>
    <message>
        <source>Importer&apos;s confidence: %1%</source>
        <translation>导入程序的把握：%1%</translation>
    </message>
    <message>
        <source>Where: %1</source>
        <translation>位置：%1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <source>Share of: %1</source>
        <translation>所占对象：%1</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>数值越小越好</translation>
    </message>
    <message>
        <source>Source sentence</source>
        <translation>原文句子</translation>
    </message>
    <message>
        <source>Derived: the article does not state this figure.</source>
        <translation>推算值：原文并未直接给出此数字。</translation>
    </message>
    <message>
        <source>Formula: %1</source>
        <translation>公式：%1</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>引语</translation>
    </message>
    <message>
        <source>Copied with citation</source>
        <translation>已复制并附出处</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>引语</translation>
    </message>
    <message>
        <source>Projects and named things</source>
        <translation>项目与名称</translation>
    </message>
    <message>
        <source>* linked to this goal area by the editors, not by the article</source>
        <translation>* 由编者而非原文归入此目标</translation>
    </message>
    <message>
        <source>Goal areas: %1</source>
        <translation>所属目标：%1</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>About Report Viewer</source>
        <translation>关于报告阅读器</translation>
    </message>
    <message>
        <source>Report Viewer %1</source>
        <translation>报告阅读器 %1</translation>
    </message>
    <message>
        <source>Read, search, chart and print a government work report.</source>
        <translation>阅读、检索、图表展示并打印政府工作报告。</translation>
    </message>
    <message>
        <source>Data source: %1</source>
        <translation>数据来源：%1</translation>
    </message>
    <message>
        <source>Code licence: MIT.</source>
        <translation>程序许可：MIT。</translation>
    </message>
    <message>
        <source>Font: Noto Sans CJK SC (subset), SIL Open Font License 1.1.</source>
        <translation>字体：思源黑体 Noto Sans CJK SC（子集），SIL 开放字体许可 1.1。</translation>
    </message>
    <message>
        <source>Qt for Python (LGPLv3) and pyqtgraph (MIT).</source>
        <translation>Qt for Python（LGPLv3）与 pyqtgraph（MIT）。</translation>
    </message>
    <message>
        <source>Cannot open dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source>The dataset could not be opened. The current report stays open.</source>
        <translation>无法打开该数据集，当前报告保持不变。</translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation>设置未保存</translation>
    </message>
    <message>
        <source>The window&apos;s layout and your choices could not be saved.</source>
        <translation>窗口布局和您的选择未能保存。</translation>
    </message>
</context>
<context>
    <name>ErrorHandler</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <source>Details were written to %1</source>
        <translation>详细信息已写入 %1</translation>
    </message>
</context>
<context>
    <name>GoalTreeModel</name>
    <message>
        <source>Report structure</source>
        <translation>报告结构</translation>
    </message>
    <message>
        <source>Report overview</source>
        <translation>报告概况</translation>
    </message>
    <message>
        <source>Source article</source>
        <translation>原文</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>A text file (UTF-8 or GBK)</source>
        <translation>文本文件（UTF-8 或 GBK）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Paste from clipboard</source>
        <translation>从剪贴板粘贴</translation>
    </message>
    <message>
        <source>No text chosen yet.</source>
        <translation>尚未选择文本。</translation>
    </message>
    <message>
        <source>From the text</source>
        <translation>取自原文</translation>
    </message>
    <message>
        <source>From the text, e.g. 临淄区</source>
        <translation>取自原文，如 临淄区</translation>
    </message>
    <message>
        <source>From the text, e.g. 临淄区第十九届人民代表大会第三次会议</source>
        <translation>取自原文，如 临淄区第十九届人民代表大会第三次会议</translation>
    </message>
    <message>
        <source>From the text, e.g. 2024-01-19</source>
        <translation>取自原文，如 2024-01-19</translation>
    </message>
    <message>
        <source>From the text, office and name, e.g. 区长蔡华刚</source>
        <translation>取自原文，职务和姓名，如 区长蔡华刚</translation>
    </message>
    <message>
        <source>Page headers or footers to drop wherever they stand alone, one per line</source>
        <translation>要删除的版面页眉或页脚（单独成行时删除），每行一条</translation>
    </message>
    <message>
        <source>Where to save the dataset (.json)</source>
        <translation>数据集保存位置（.json）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Report text:</source>
        <translation>报告文本：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>层级：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>会议：</translation>
    </message>
    <message>
        <source>Meeting date:</source>
        <translation>会议日期：</translation>
    </message>
    <message>
        <source>Presenter:</source>
        <translation>报告人：</translation>
    </message>
    <message>
        <source>Lines to drop:</source>
        <translation>删除的行：</translation>
    </message>
    <message>
        <source>Save dataset as:</source>
        <translation>数据集另存为：</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor GBK/GB18030 text. Save it as UTF-8 and try again.</source>
        <translation>%1 既不是 UTF-8 也不是 GBK/GB18030 文本。请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <source>%1 characters from %2.</source>
        <translation>取自 %2，共 %1 个字符。</translation>
    </message>
    <message>
        <source>The file was GBK/GB18030 and has been converted to UTF-8.</source>
        <translation>该文件为 GBK/GB18030 编码，已转换为 UTF-8。</translation>
    </message>
    <message>
        <source>Read as %1 and converted to UTF-8.</source>
        <translation>按 %1 读取，已转换为 UTF-8。</translation>
    </message>
    <message>
        <source>The clipboard holds no text. Copy the report&apos;s text first.</source>
        <translation>剪贴板中没有文本。请先复制报告文本。</translation>
    </message>
    <message>
        <source>The clipboard holds %1 characters, more than a report has.</source>
        <translation>剪贴板中有 %1 个字符，远超一份报告的长度。</translation>
    </message>
    <message>
        <source>the clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <source>%1 characters from the clipboard.</source>
        <translation>取自剪贴板，共 %1 个字符。</translation>
    </message>
    <message>
        <source>Choose a text file or paste the report&apos;s text first.</source>
        <translation>请先选择文本文件或粘贴报告文本。</translation>
    </message>
    <message>
        <source>Choose where to save the dataset.</source>
        <translation>请选择数据集的保存位置。</translation>
    </message>
    <message>
        <source>Meeting date: write it as 2024-01-19, not %1.</source>
        <translation>会议日期：请写成 2024-01-19 的形式，而不是 %1。</translation>
    </message>
    <message>
        <source>Choose the report&apos;s text</source>
        <translation>选择报告文本</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save dataset as</source>
        <translation>数据集另存为</translation>
    </message>
    <message>
        <source>Report datasets (*.json)</source>
        <translation>报告数据集 (*.json)</translation>
    </message>
    <message>
        <source>%1 holds no report text (it is empty, blank or only a licence notice).</source>
        <translation>%1 中没有报告正文（文件为空、只有空白或只有许可声明）。</translation>
    </message>
    <message>
        <source>The report&apos;s year is not in %1. Enter it under Year.</source>
        <translation>%1 中找不到报告年份。请在“年份”中填写。</translation>
    </message>
    <message>
        <source>The dataset could not be written: %1</source>
        <translation>无法写入数据集：%1</translation>
    </message>
    <message>
        <source>The import of %1 failed.</source>
        <translation>导入 %1 失败。</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>修饰语</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>推算</translation>
    </message>
</context>
<context>
    <name>LanguageActions</name>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>Library</source>
        <translation>书库</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>书库(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Add report to library…</source>
        <translation>将报告加入书库(&amp;A)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve from library</source>
        <translation>从书库移除(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Undo remove from library</source>
        <translation>撤销从书库移除(&amp;U)</translation>
    </message>
    <message>
        <source>Add the report &amp;shown to library</source>
        <translation>将当前报告加入书库(&amp;S)</translation>
    </message>
    <message>
        <source>Could not open the report</source>
        <translation>无法打开报告</translation>
    </message>
    <message>
        <source>Could not add the report</source>
        <translation>无法加入报告</translation>
    </message>
    <message>
        <source>Added to the library: %1</source>
        <translation>已加入书库：%1</translation>
    </message>
    <message>
        <source>Could not remove the report</source>
        <translation>无法移除报告</translation>
    </message>
    <message>
        <source>Removed from the library: %1 (Edit › Undo brings it back)</source>
        <translation>已从书库移除：%1（“编辑 › 撤销”可恢复）</translation>
    </message>
    <message>
        <source>Removed from the library: %1</source>
        <translation>已从书库移除：%1</translation>
    </message>
    <message>
        <source>Could not undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>Back in the library: %1</source>
        <translation>已恢复到书库：%1</translation>
    </message>
    <message>
        <source>The library could not be opened: %1</source>
        <translation>无法打开书库：%1</translation>
    </message>
    <message>
        <source>Add report to library</source>
        <translation>将报告加入书库</translation>
    </message>
    <message>
        <source>Report datasets (*.json);;All files (*)</source>
        <translation>报告数据集 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Remove from library</source>
        <translation>从书库移除</translation>
    </message>
    <message>
        <source>Only reports you added can be removed.</source>
        <translation>只能移除您自己加入的报告。</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Unreviewed</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>Figures a person checked against the text</source>
        <translation>经人工对照原文核实的数据</translation>
    </message>
    <message>
        <source>Figures proposed by the importer, not yet reviewed</source>
        <translation>导入程序提出、尚未审核的数据</translation>
    </message>
    <message>
        <source>%1 (cannot be opened)</source>
        <translation>%1（无法打开）</translation>
    </message>
    <message>
        <source>%1 confirmed · %2 unreviewed</source>
        <translation>已审核 %1 项 · 未审核 %2 项</translation>
    </message>
    <message>
        <source>Cannot be opened:</source>
        <translation>无法打开：</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Library</source>
        <translation>书库</translation>
    </message>
    <message>
        <source>Loading the library…</source>
        <translation>正在载入书库…</translation>
    </message>
    <message>
        <source>Add to library</source>
        <translation>加入书库</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Years: 2025, 2010-2025</source>
        <translation>年份：2025、2010-2025</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>所有地区</translation>
    </message>
    <message>
        <source>Reports in the library</source>
        <translation>书库中的报告</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>加入(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>%1 reports in %2 collections</source>
        <translation>%2 个文集，共 %1 份报告</translation>
    </message>
    <message>
        <source>; %1 cannot be opened (in red)</source>
        <translation>；%1 份无法打开（红色标出）</translation>
    </message>
    <message>
        <source>Shown now, not in the library: %1</source>
        <translation>当前显示的报告不在书库中：%1</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Type a year or two: 2025, 2010-2025</source>
        <translation>请输入年份或年份范围：2025、2010-2025</translation>
    </message>
    <message>
        <source>%1 cannot be opened:
%2</source>
        <translation>%1 无法打开：
%2</translation>
    </message>
</context>
<context>
    <name>LibraryResultsModel</name>
    <message>
        <source>%1, first %2 listed</source>
        <translation>%1，列出前 %2 处</translation>
    </message>
</context>
<context>
    <name>LibrarySearchController</name>
    <message>
        <source>Term &amp;trends</source>
        <translation>词频趋势(&amp;T)</translation>
    </message>
    <message>
        <source>The report shown is not in the library, so it belongs to no collection. Search all reports, or add it to the library (File › Add the report shown to library).</source>
        <translation>当前显示的报告不在书库中，不属于任何文集。请搜索全部报告，或将它加入书库（文件 › 将当前报告加入书库）。</translation>
    </message>
    <message>
        <source>Term trends</source>
        <translation>词频趋势</translation>
    </message>
    <message>
        <source>The library is being indexed…</source>
        <translation>正在为书库建立索引…</translation>
    </message>
    <message>
        <source>Indexing the library…</source>
        <translation>正在为书库建立索引…</translation>
    </message>
    <message>
        <source>Indexing the library: %1%</source>
        <translation>正在为书库建立索引：%1%</translation>
    </message>
    <message>
        <source>The library could not be indexed: %1</source>
        <translation>无法为书库建立索引：%1</translation>
    </message>
    <message>
        <source>The report shown is not in the library</source>
        <translation>当前显示的报告不在书库中</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Goal areas and sections</source>
        <translation>目标与章节</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;bundled report</source>
        <translation>打开内置报告(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Show in &amp;source</source>
        <translation>在原文中显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Raw page text</source>
        <translation>原始版面文字(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Report Viewer</source>
        <translation>关于报告阅读器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Targets &amp;&amp; Outcomes…</source>
        <translation>目标与实绩(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>%1 — Report Viewer</source>
        <translation>%1 — 报告阅读器</translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation>设置无法保存：%1</translation>
    </message>
    <message>
        <source>Shown in source: %1</source>
        <translation>已在原文中显示：%1</translation>
    </message>
    <message>
        <source>Open report dataset</source>
        <translation>打开报告数据集</translation>
    </message>
    <message>
        <source>Report datasets (*.json);;All files (*)</source>
        <translation>报告数据集 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
</context>
<context>
    <name>PaneLayout</name>
    <message>
        <source>Goal &amp;tree</source>
        <translation>目标目录(&amp;T)</translation>
    </message>
    <message>
        <source>Source te&amp;xt</source>
        <translation>原文(&amp;X)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Selected &amp;goal area (else the whole report)</source>
        <translation>所选目标（未选则整份报告）(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Whole report</source>
        <translation>整份报告(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Figures only (tables)</source>
        <translation>仅数据表（不含图表与正文）(&amp;F)</translation>
    </message>
    <message>
        <source>Print and export &amp;covers</source>
        <translation>打印与导出范围(&amp;C)</translation>
    </message>
    <message>
        <source>Paper si&amp;ze</source>
        <translation>纸张大小(&amp;Z)</translation>
    </message>
    <message>
        <source>Document &amp;language</source>
        <translation>文档语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <source>Print summary</source>
        <translation>打印摘要</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n page(s)</source>
        <translation>
            <numerusform>已打印 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>Print preview failed</source>
        <translation>打印预览失败</translation>
    </message>
    <message>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Could not export the PDF</source>
        <translation>无法导出 PDF</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s), %2 KB)</source>
        <translation>
            <numerusform>已保存 %1（%n 页，%2 KB）</numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not export the CSV file</source>
        <translation>无法导出 CSV 文件</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n figure(s), %2 KB)</source>
        <translation>
            <numerusform>已保存 %1（%n 项数据，%2 KB）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>&amp;Import report…</source>
        <translation>导入报告(&amp;I)…</translation>
    </message>
    <message>
        <source>Re&amp;view figures…</source>
        <translation>审核数字(&amp;V)…</translation>
    </message>
    <message>
        <source>The dataset could not be opened for review.</source>
        <translation>无法打开该数据集进行审核。</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Imported %1: %2 figures to review</source>
        <translation>已导入 %1：%2 个数字待审核</translation>
    </message>
    <message>
        <source>The reports that come with the app cannot be changed.</source>
        <translation>程序自带的报告不能修改。</translation>
    </message>
    <message>
        <source>Import a report (File › Import report…) or open an imported dataset to review it.</source>
        <translation>请导入报告（文件 › 导入报告…）或打开已导入的数据集后再审核。</translation>
    </message>
</context>
<context>
    <name>ReviewDelegate</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Modifier</source>
        <translation>修饰语</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Goal area</source>
        <translation>目标领域</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>原文写法</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Proposed figures</source>
        <translation>待审核的数字</translation>
    </message>
    <message>
        <source>A accept · R reject · E edit · G goal area · J/K next/previous · Ctrl+Z undo · Ctrl+S save</source>
        <translation>A 确认 · R 否决 · E 编辑 · G 目标领域 · J/K 下一个/上一个 · Ctrl+Z 撤销 · Ctrl+S 保存</translation>
    </message>
    <message>
        <source>The review could not be saved.</source>
        <translation>无法保存审核结果。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>All goal areas</source>
        <translation>全部目标领域</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>全部章节</translation>
    </message>
    <message>
        <source>Below threshold</source>
        <translation>低于门槛</translation>
    </message>
    <message>
        <source>Only figures whose confidence is below the threshold of Accept above</source>
        <translation>只显示置信度低于“批量确认”门槛的数字</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>否决(&amp;R)</translation>
    </message>
    <message>
        <source>Back to &amp;proposed</source>
        <translation>退回待审核(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Link to goal area</source>
        <translation>关联目标领域(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Accept a&amp;bove</source>
        <translation>批量确认(&amp;B)</translation>
    </message>
    <message>
        <source>Accept every shown proposal whose confidence is at least the threshold</source>
        <translation>确认所显示的、置信度不低于门槛的全部待审核数字</translation>
    </message>
    <message>
        <source>&amp;Save review</source>
        <translation>保存审核(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Confirm the selected figures (A)</source>
        <translation>确认所选数字（A）</translation>
    </message>
    <message>
        <source>Reject the selected figures (R)</source>
        <translation>否决所选数字（R）</translation>
    </message>
    <message>
        <source>Mark the selected figures as not yet reviewed (U)</source>
        <translation>将所选数字退回待审核（U）</translation>
    </message>
    <message>
        <source>Correct the current cell (E); Enter keeps, Esc drops</source>
        <translation>修改当前单元格（E）；回车保留，Esc 放弃</translation>
    </message>
    <message>
        <source>Choose the goal area of the current figure (G)</source>
        <translation>选择当前数字所属的目标领域（G）</translation>
    </message>
    <message>
        <source>Previous figure (K)</source>
        <translation>上一个数字（K）</translation>
    </message>
    <message>
        <source>Next figure (J)</source>
        <translation>下一个数字（J）</translation>
    </message>
    <message>
        <source>Confidence threshold</source>
        <translation>置信度门槛</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Accept (%1)</source>
        <translation>确认（%1）</translation>
    </message>
    <message>
        <source>Reject (%1)</source>
        <translation>否决（%1）</translation>
    </message>
    <message>
        <source>Back to proposed (%1)</source>
        <translation>退回待审核（%1）</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Link %1 to a goal area</source>
        <translation>将 %1 关联到目标领域</translation>
    </message>
    <message>
        <source>Accept above threshold (%1)</source>
        <translation>按门槛批量确认（%1）</translation>
    </message>
    <message>
        <source>%1 awaiting review · %2 confirmed · %3 rejected · %4 shown</source>
        <translation>%1 个待审核 · %2 个已确认 · %3 个已否决 · 显示 %4 个</translation>
    </message>
    <message>
        <source>Review: %1 — Report Viewer</source>
        <translation>审核：%1 — 报告阅读器</translation>
    </message>
    <message>
        <source>Save the review before closing?</source>
        <translation>关闭前保存审核结果吗？</translation>
    </message>
    <message>
        <source>Figures you confirmed, rejected or corrected are not saved yet.</source>
        <translation>您确认、否决或修改的数字尚未保存。</translation>
    </message>
    <message>
        <source>No shown proposal reaches the threshold.</source>
        <translation>所显示的待审核数字均未达到门槛。</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Hit %1 of %2: %3</source>
        <translation>第 %1 / %2 处：%3</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the report</source>
        <translation>检索报告</translation>
    </message>
    <message>
        <source>Search filter</source>
        <translation>结果筛选</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>引语</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>原文正文</translation>
    </message>
    <message>
        <source>Current goal area</source>
        <translation>当前目标</translation>
    </message>
    <message>
        <source>Search scope</source>
        <translation>检索范围</translation>
    </message>
    <message>
        <source>This report</source>
        <translation>本报告</translation>
    </message>
    <message>
        <source>This collection</source>
        <translation>本文集</translation>
    </message>
    <message>
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <source>Indexing the library</source>
        <translation>正在为书库建立索引</translation>
    </message>
    <message>
        <source>Filter tree</source>
        <translation>筛选目录</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>检索结果</translation>
    </message>
    <message>
        <source>Nothing found for “%1” with this filter; %2 found in everything.</source>
        <translation>当前筛选下未找到“%1”；全部结果中有 %2 处。</translation>
    </message>
    <message>
        <source>Nothing found for “%1”. Did you mean %2?</source>
        <translation>未找到“%1”。是否要找%2？</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>未找到“%1”。</translation>
    </message>
    <message>
        <source>The library cannot be searched here.</source>
        <translation>此处无法检索书库。</translation>
    </message>
    <message>
        <source>The library is being indexed; the results follow.</source>
        <translation>正在为书库建立索引，结果稍后显示。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Search: words, pinyin, initials, numbers …</source>
        <translation>检索：词语、拼音、首字母、数字 …</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SourceView</name>
    <message>
        <source>Reading order (repaired)</source>
        <translation>阅读顺序（已修复）</translation>
    </message>
    <message>
        <source>Raw page text</source>
        <translation>原始版面文字</translation>
    </message>
    <message>
        <source>Mark punctuation repairs</source>
        <translation>标出标点修复</translation>
    </message>
    <message>
        <source>Source article</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Raw: %1</source>
        <translation>原始文字：%1</translation>
    </message>
    <message>
        <source>Reading: %1</source>
        <translation>推断读法：%1</translation>
    </message>
    <message>
        <source>Certainty: %1</source>
        <translation>可信度：%1</translation>
    </message>
    <message>
        <source>Not applied: the raw text is kept</source>
        <translation>未采用：保留原始文字</translation>
    </message>
</context>
<context>
    <name>TargetsController</name>
    <message>
        <source>The library could not be opened: %1</source>
        <translation>无法打开报告库：%1</translation>
    </message>
    <message>
        <source>Reading the reports…</source>
        <translation>正在读取报告…</translation>
    </message>
    <message>
        <source>Reading the reports… %1 of %2</source>
        <translation>正在读取报告… 第 %1 份，共 %2 份</translation>
    </message>
    <message>
        <source>The pairs could not be computed: %1</source>
        <translation>无法完成目标与实绩的配对：%1</translation>
    </message>
    <message>
        <source>No targets with a series in this collection yet.</source>
        <translation>该报告集中尚无归入系列的目标。</translation>
    </message>
    <message>
        <source>Targets set in another collection are shown when you choose it above.</source>
        <translation>在上方选择其他报告集，即可看到该报告集中设定的目标。</translation>
    </message>
    <message>
        <source>%1 reports could not be read: %2</source>
        <translation>%1 份报告无法读取：%2</translation>
    </message>
    <message>
        <source>Report %1 is not in the library.</source>
        <translation>报告 %1 不在报告库中。</translation>
    </message>
</context>
<context>
    <name>TargetsGrid</name>
    <message>
        <source>Targets and outcomes by series and year</source>
        <translation>目标与实际（按系列和年份）</translation>
    </message>
</context>
<context>
    <name>TargetsGridModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <source>Click the target or the outcome to open its sentence</source>
        <translation>点击目标或实际值，打开其原文</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>实际</translation>
    </message>
</context>
<context>
    <name>TargetsTableModel</name>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>判定依据</translation>
    </message>
    <message>
        <source>Click to open</source>
        <translation>点击打开原文</translation>
    </message>
</context>
<context>
    <name>TargetsView</name>
    <message>
        <source>Targets &amp; outcomes</source>
        <translation>目标与实绩</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Print Preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>&amp;Collection:</source>
        <translation>文集(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>系列(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Verdict:</source>
        <translation>判定(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Sh&amp;ow as:</source>
        <translation>显示为(&amp;O)：</translation>
    </message>
    <message>
        <source>Targets and outcomes</source>
        <translation>目标与实绩</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>No figures to chart for this series.</source>
        <translation>该系列没有可绘制的数据。</translation>
    </message>
    <message>
        <source>All series</source>
        <translation>全部系列</translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation>全部判定</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>%1 of %2 pairs</source>
        <translation>显示 %1 / 共 %2 项</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Chart exported to %1</source>
        <translation>图表已导出到 %1</translation>
    </message>
    <message>
        <source>Export Targets &amp; Outcomes as CSV</source>
        <translation>将目标与实绩导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>%1 pairs exported to %2</source>
        <translation>已将 %1 项导出到 %2</translation>
    </message>
    <message>
        <source>Export Targets &amp; Outcomes as PDF</source>
        <translation>将目标与实绩导出为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>%1 pages exported to %2</source>
        <translation>已将 %1 页导出到 %2</translation>
    </message>
    <message>
        <source>Print Preview Failed</source>
        <translation>打印预览失败</translation>
    </message>
    <message>
        <source>Printing Failed</source>
        <translation>打印失败</translation>
    </message>
</context>
<context>
    <name>TrendTableModel</name>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>字数</translation>
    </message>
    <message>
        <source>Per 10,000 characters</source>
        <translation>每万字次数</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <source>Term trends</source>
        <translation>词频趋势</translation>
    </message>
    <message>
        <source>&amp;Collection:</source>
        <translation>文集(&amp;C)：</translation>
    </message>
    <message>
        <source>Occurrences by report</source>
        <translation>各报告出现次数</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1: %2 occurrences in %3 reports</source>
        <translation>%1：%3 份报告中共出现 %2 次</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export Trend</source>
        <translation>导出趋势</translation>
    </message>
</context>
<context>
    <name>UnreviewedControls</name>
    <message>
        <source>Show &amp;unreviewed figures</source>
        <translation>显示未审核数据(&amp;U)</translation>
    </message>
    <message>
        <source>Also show figures nobody has checked yet, marked “unreviewed”</source>
        <translation>同时显示尚未经人核对的数据，并标明“未审核”</translation>
    </message>
    <message>
        <source>shown, marked unreviewed</source>
        <translation>已显示，标为未审核</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) awaiting review (%1)</source>
        <translation>
            <numerusform>%n 项数据待审核（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>View › Show unreviewed figures shows or hides them.</source>
        <translation>“视图 › 显示未审核数据”可显示或隐藏这些数据。</translation>
    </message>
    <message>
        <source>Click to review them.</source>
        <translation>点击即可审核。</translation>
    </message>
</context>
<context>
    <name>_ChartPlaceholder</name>
    <message>
        <source>Loading charts…</source>
        <translation>正在加载图表…</translation>
    </message>
</context>
</TS>
