import Mustache

/// Renders the report page with a Mustache template: `{{…}}` escapes every text (quotes,
/// summaries, paths) for HTML text and attributes alike; the page fetches nothing.
enum ReportHTML {
    static func render(_ page: ReportPage) -> String {
        // The template is a constant of this file: a parse error is a programming error that
        // ReportTests catches, so the fallback only keeps the daemon serving.
        guard let template = try? MustacheTemplate(string: Self.template) else { return "report template error\n" }
        return template.render(page)
    }

    static let template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="storywatch">
        <title>storywatch: storylines</title>
        <style>
        body { font: 15px/1.45 system-ui, sans-serif; margin: 0; background: #f5f5f2; color: #1d1d1b; }
        header { padding: 16px 28px; background: #1d2733; color: #fff; }
        header h1 { margin: 0; font-size: 20px; }
        header p { margin: 4px 0 0; color: #c8d0da; font-size: 13px; }
        main { padding: 12px 28px 40px; max-width: 1100px; }
        section.storyline { background: #fff; border: 1px solid #deded8; border-radius: 6px; margin: 18px 0; padding: 14px 18px; }
        section.storyline h2 { margin: 0; font-size: 17px; }
        .meta { color: #666; font-size: 13px; }
        .muted-badge { background: #888; color: #fff; border-radius: 3px; padding: 1px 6px; font-size: 12px; margin-left: 6px; }
        .axis { position: relative; height: 46px; margin: 12px 6px 6px; }
        .axis::before { content: ""; position: absolute; left: 0; right: 0; top: 22px; border-top: 2px solid #c9c9c2; }
        .dot { position: absolute; top: 16px; width: 14px; height: 14px; margin-left: -7px; border-radius: 50%;
               border: 2px solid #fff; box-shadow: 0 0 0 1px #999; background: #777; }
        .dot.turn { top: 11px; width: 20px; height: 20px; margin-left: -10px; border-radius: 3px; transform: rotate(45deg); }
        .dot .n { position: absolute; top: -17px; left: 50%; transform: translateX(-50%); font-size: 11px; color: #555; }
        .dot.turn .n { transform: translateX(-50%) rotate(-45deg); }
        .status-done { background: #2b2b2b; } .status-proposed, .status-promised, .status-demanded { background: #d9a21b; }
        .status-threatened { background: #e06a1b; } .status-considered { background: #9aa3ad; }
        .status-refused, .status-cancelled { background: #7a4fc2; } .status-denied { background: #b0369a; }
        .status-admitted { background: #2f7fcf; }
        .kind-violation { background: #d1242f; } .kind-retaliation, .kind-escalation { background: #ef7d10; }
        .kind-reversal { background: #8250df; } .kind-fulfilled { background: #2f7fcf; }
        .kind-de-escalation { background: #2da44e; } .kind-update, .kind-new { background: #6e7781; }
        ol.events { list-style: none; margin: 8px 0 0; padding: 0; }
        ol.events li { padding: 6px 0 6px 10px; border-left: 3px solid #e4e4de; margin: 4px 0; }
        ol.events li.has-turn { border-left-color: #1d2733; background: #fafaf7; }
        .idx { color: #888; font-variant-numeric: tabular-nums; margin-right: 6px; }
        .status { display: inline-block; color: #fff; border-radius: 3px; padding: 0 6px; font-size: 12px; }
        .quote { margin: 3px 0 0; font-style: italic; }
        .doc { font-size: 12px; color: #555; }
        .turnbox { margin-top: 5px; }
        .kind { display: inline-block; color: #fff; border-radius: 3px; padding: 1px 7px; font-size: 12px; font-weight: 600; text-transform: uppercase; }
        .summary { font-weight: 600; margin-left: 4px; }
        .before { font-size: 12px; color: #555; margin-left: 4px; }
        .background { font-size: 11px; color: #777; border: 1px solid #bbb; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
        .legend span { display: inline-block; margin-right: 10px; }
        .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
        </style>
        </head>
        <body>
        <header>
        <h1>storywatch — storylines</h1>
        <p>{{storylineCount}} storylines, {{developmentCount}} developments{{#since}}, active since {{.}}{{/since}} · generated {{generated}}</p>
        </header>
        <main>
        <p class="legend meta"><span><i class="status-done"></i>done</span><span><i class="status-proposed"></i>proposed, promised, demanded</span><span><i class="status-threatened"></i>threatened</span><span><i class="status-refused"></i>refused, cancelled</span><span><i class="status-denied"></i>denied</span><span><i class="status-admitted"></i>admitted</span><span><i class="status-considered"></i>considered</span> · diamonds are developments, coloured by kind</p>
        {{#empty}}<p id="no-storylines">No storylines yet: nothing has been scanned, or nothing since that date.</p>{{/empty}}
        {{#storylines}}
        <section class="storyline" id="storyline-{{id}}" data-storyline="{{id}}">
        <h2>{{title}} <span class="meta">{{id}}</span>{{#muted}}<span class="muted-badge">{{.}}</span>{{/muted}}</h2>
        <div class="meta">{{summary}}</div>
        <div class="axis">
        {{#events}}<span class="dot {{#turn}}turn kind-{{kind}}{{/turn}}{{^turn}}status-{{status}}{{/turn}}" style="left: {{position}}%" title="#{{index}} {{date}} {{status}}{{#turn}}: {{kind}}{{/turn}}"><span class="n">{{index}}</span></span>{{/events}}
        </div>
        <ol class="events">
        {{#events}}
        <li id="event-{{id}}-{{index}}" class="{{#turn}}has-turn{{/turn}}" data-status="{{status}}">
        <span class="idx">#{{index}}</span><span class="date">{{date}}</span>
        <span class="status status-{{status}}">{{status}}</span>
        <span class="action">{{action}}</span> <span class="parties">{{parties}}</span>{{#background}}<span class="background">background</span>{{/background}}
        <div class="quote">“{{quote}}”</div>
        <div class="doc">{{#link}}<a href="{{.}}">{{document}}</a>{{/link}}{{^link}}{{document}}{{/link}}</div>
        {{#turn}}<div class="turnbox" data-kind="{{kind}}" data-development="{{id}}"><span class="kind kind-{{kind}}">{{kind}}</span><span class="summary">{{summary}}</span>{{#before}}<span class="before">{{.}}</span>{{/before}}</div>{{/turn}}
        </li>
        {{/events}}
        </ol>
        </section>
        {{/storylines}}
        </main>
        </body>
        </html>

        """
}
