"""Publishing: turning stored events into things people read (date labels, iCal, JSON-LD, charts, highlights).

No requests and no writes here: views, feeds and the API call these with what selectors return.
"""
