"""Tests for events/extraction/organizers.py."""

from events.extraction.organizers import find_organizers, split_names


def test_find_organizers_reads_hosts_and_co_organizers():
    sentence = (
        "此次活动由中共晋中市太谷区委、晋中市太谷区人民政府主办，山西农业大学（省农科院）、"
        "晋中国家农高区（太谷国家农业科创中心）协办，是重要举措。"
    )

    assert find_organizers(sentence) == {
        "hosts": ["中共晋中市太谷区委", "晋中市太谷区人民政府"],
        "co_organizers": ["山西农业大学（省农科院）", "晋中国家农高区（太谷国家农业科创中心）"],
    }


def test_find_organizers_reads_undertakers_and_labelled_roles():
    assert find_organizers("活动由市科技局主办，市科协承办。") == {
        "hosts": ["市科技局"],
        "undertakers": ["市科协"],
    }
    assert find_organizers("主办单位为晋中市人民政府，承办单位为榆次区科技局。") == {
        "hosts": ["晋中市人民政府"],
        "undertakers": ["榆次区科技局"],
    }


def test_find_organizers_returns_empty_without_roles():
    assert find_organizers("3月11日，科技节在太谷区金谷广场开幕。") == {}


def test_split_names_keeps_brackets_whole():
    assert split_names("A（甲、乙）、B") == ["A（甲、乙）", "B"]


def test_find_organizers_reads_roles_inside_a_relative_clause():
    sentence = "3月20日，由晋中市科技局主办、晋中学院承办的2024年晋中市科技成果对接会在晋中学院举行。"

    assert find_organizers(sentence) == {"hosts": ["晋中市科技局"], "undertakers": ["晋中学院"]}
