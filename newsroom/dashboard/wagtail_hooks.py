from wagtail import hooks

from .panels import PressOfficePanel


@hooks.register("construct_homepage_panels")
def add_press_office_panel(request, panels):
    panels.append(PressOfficePanel())
