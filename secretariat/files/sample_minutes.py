"""What the sample's two meetings minuted (26 May 2011 and 12 January 2012),
from the public record, in our own words."""

# What the minutes record under each item, in our own words, in the list
# syntax officials type (see secretariat.meeting.minutes). Owners are as the record
# names them; where it names none, the officials who minuted the meeting.
MINUTES = {
    "2011-05-26": {
        "Minutes": "- The Chair offered his apologies for missing the previous meeting.",
        "Update": """
Decision: The group approved the format of the regular updates: a brief informal update that lets progress be tracked across every work stream.
Action: Officials — Bring the update slide pack to every Taskforce meeting — At every meeting
- Members who want an issue discussed should put agenda items forward through the Chair.
- Members voiced a general worry that the mutuals agenda was losing momentum.
Action: Officials — Bring a communications strategy to a future meeting for discussion — At a future meeting
""",
        "Papers; review and signing off process": """
Decision: The review and sign-off process was approved.
Action: All members — Volunteer to review particular papers and suggest other expert reviewers
- Reviewers of cross-cutting papers need to be clear about the part they play, such as bringing technical expertise or reading for clarity as a lay reader.
Action: Officials — E-mail members inviting them to volunteer for the first wave of papers — As soon as possible
""",
        "Assets": """
- The presentation was welcomed for setting the issues out clearly.
- Members underlined how complex the issue is.
- The discussion centred on:
  - the move from contestable to competitive markets
  - how circumstances differ between service areas, for instance in the scope to diversify income
Decision: These issues are to be taken into a wider discussion of asset locks before any recommendations on the way forward are made.
""",
        "Away afternoon planning": """
- The afternoon could concentrate on:
  - what has been achieved so far, and the lessons learnt
  - what comes next
- It could take in:
  - what pathfinders and mentors have found
  - a chance to look at the big picture
Action: Officials — Circulate a suggested agenda to the group for comment
""",
        "Trade union engagement": """
Decision: The Taskforce agreed to keep its formal engagement through the Public Services Forum, which the Cabinet Office convenes.
Action: All members — Keep the group informed of thinking at the TUC — Ongoing
Action: All members — Share what they learn, locally and nationally, of how unions are engaging with the mutuals agenda — Ongoing
- Engagement with the unions should be part of the conversations under way with pathfinders.
""",
        "Initial content for the website": """
Decision: The Taskforce agreed to start the mutuals presence on the Cabinet Office website with a short biography, a photograph and useful links from each member.
Action: Officials — Circulate a template for members' website entries
Action: All members — Send a biography, photograph and links using the template — When the template arrives
- The site needs stories of real people working in mutuals, to inspire others.
""",
        "Case studies": """
Decision: Members who already have case studies of mutuals agreed to share them for use in the communications strategy.
Action: Officials — E-mail all members setting out what is needed
""",
    },
    "2012-01-12": {
        "Welcome and introductions":
            "- The last meeting billed this session as a brainstorm; its shape has changed a little.",
        "Chair's Update": """
Decision: The Chair's update becomes a standing item, and members will use it to give their own updates as well.
- Most register of interests letters have come back.
Action: Members yet to reply — Return their register of interests letter — As soon as possible
- The Teckal paper is under way; comments and feedback still go to the Vice Chair, and questions on VAT remain to be worked through.
- The Mutuals Taskforce now has an e-mail address of its own.
- Letters on the Year of the Co-operative have gone out to departments.
- The expert round table will invite providers as experts; MTF members will be invited as providers, not as members of the Taskforce.
- The Chair met an official at No10, who was warmly supportive of the Taskforce and of mutuals generally; visits to mutuals are being followed up.
Action: Officials — Send round the Taskforce's e-mail address, with details of and links to the MIS website
Action: All members — Promote the e-mail address and the MIS link through their websites, newsletters and other channels
""",
        "Update from Member of Taskforce representing SEUK": """
- The SME panel, linked to the mystery shopper service, is an opportunity the sector has not yet taken up.
- Complaints of many kinds about procurement come out of that service.
- The SME panel should be promoted strongly across Government.
- A spin-out SME working group, with a mutual among its members, feeds straight into the SME panel.
- The SME panel next meets in February.
Action: Peter Holbrook — Ask colleagues for more information on these points
""",
        "Update from Crown Commercial Representative for Mutuals": """
- Departments are being pressed across central government and are coming forward with ideas; there is great talent in the Civil Service and good energy from Ministers.
- Ministers announced the mutual venture last March and business performance has approved it; the process should move much faster from the end of February.
Action: Stephen Kelly — Give the Taskforce a further update — In a few months
""",
        "Update from Member of Taskforce from Co-ops UK": """
- Letters on the International Year of Co-operatives are going out to departments.
Decision: The Taskforce agreed to hear a short presentation on society legal models for co-operatives and mutuals.
Action: Ed Mayo — Give a short presentation on society legal models for co-operatives and mutuals — Next month
""",
        "Update from the Cabinet Office": """
- The MIS has launched and attracted a great deal of interest and visits.
- How can it become well known, and what other options are there? Members' networks offer ways to promote it.
- The Open Public Services White Paper is with Ministers for discussion, for launch towards late February; its second phase will be short and condensed rather than a traditional White Paper.
Action: All members — Suggest ways to promote the MIS
Action: Officials — Send the link and information about the MIS so that members can promote it
""",
        "Action Plan: Update on Progress": """
- The list of achievements is long and many milestones have been met.
- Members observed that the Taskforce is making progress and means to stay on target: a step change shows in how it works, demand is good, and its major achievements should not be underestimated.
- Could the MTF play a part in pushing departments and priority service areas?
""",
        "Mutualisation as an Option: How it should progress": """
- Could ideas on how to mutualise, with a deeper look at what the priorities might be, come to the next meeting?
- Officials proposed three broad strands of work:
  - securing the progress already made
  - finding new areas and taking them forward
  - working across allied policy areas, such as the Community Right to Challenge
- A sense of the scale and ambition in each area will be important.
- Analytical work by members and officials will help shape the MTF's priorities.
- Contributions to the final report will be essential; members may each take responsibility for sections of it.
Action: Julian Le Grand — Meet each member one to one to discuss the structure of the final report
Action: All members — Present the decision tree work, to begin developing the MTF's priority areas — By the next meeting
Action: Chair and officials — Consider the MTF's role in pushing departments and service areas
""",
        "Additional Activity the MTF could take forward": """
- Roadshows, to generate more demand.
- Expert witness sessions, perhaps with:
  - an academic colleague from Canada
  - an expert from the Social Stock Exchange
  - co-operative schools
  - local partnerships
Action: Ed Mayo — Invite an academic colleague from Canada to an expert witness session — Late February
Action: Officials — Send members the meeting dates for April, May and June
Action: All members — Send officials their comments on buddying — By the next meeting
Action: Officials — Send members a template for their comments on buddying
- No decision has yet been made on whether the Taskforce continues beyond the summer.
""",
    },
}
